using System.Text.Json;

namespace Accounts.Infra.Tests;

public sealed class MainTemplateTests
{
    [Fact]
    public async Task Main_bicep_compiles_without_errors_or_warnings()
    {
        var build = await BicepBuild.RunAsync(BicepBuild.InfraFile("main.bicep"));

        Assert.True(build.ExitCode == 0, build.Diagnostics);
        Assert.Equal(string.Empty, build.Diagnostics.Trim());
    }

    [Fact]
    public async Task The_deposits_queue_dead_letters_after_the_apps_delivery_count()
    {
        var build = await BicepBuild.RunAsync(BicepBuild.InfraFile("main.bicep"));

        var queue = Resources(build).Single(r => r.GetProperty("type").GetString() == "Microsoft.ServiceBus/namespaces/queues");
        var properties = queue.GetProperty("properties");
        Assert.Equal(10, properties.GetProperty("maxDeliveryCount").GetInt32()); // = Deposits:MaxDeliveryCount
        Assert.True(properties.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
    }

    private static IEnumerable<JsonElement> Resources(BicepBuild build)
    {
        Assert.True(build.ExitCode == 0, build.Diagnostics);
        var resources = build.Template!.RootElement.GetProperty("resources");
        // Bicep emits an array, or an object keyed by symbolic name when symbolic-name codegen is on.
        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList();
    }
}
