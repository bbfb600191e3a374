using System.Text.Json;
using System.Text.RegularExpressions;

namespace Accounts.Infra.Tests;

public sealed partial class MainTemplateTests
{
    // Compiled once for all the tests: they read one template, and each run of the CLI is a process that could stall.
    private static readonly Lazy<Task<BicepBuild>> MainTemplate = new(() => BicepBuild.RunAsync(BicepBuild.InfraFile("main.bicep")));

    [Fact]
    public async Task Main_bicep_compiles_without_errors_or_warnings()
    {
        var build = await MainTemplate.Value;

        Assert.True(build.ExitCode == 0, build.Diagnostics);
        Assert.Equal(string.Empty, build.Diagnostics.Trim());
    }

    [Fact]
    public async Task The_deposits_queue_dead_letters_after_the_apps_delivery_count()
    {
        var build = await MainTemplate.Value;

        var queue = Queue(build, "deposits");
        var properties = queue.GetProperty("properties");
        Assert.Equal(10, properties.GetProperty("maxDeliveryCount").GetInt32()); // = Deposits:MaxDeliveryCount
        Assert.True(properties.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
    }

    [Fact]
    public async Task The_deposits_queue_gives_each_account_a_session_and_drops_a_second_send_of_an_event_for_a_day()
    {
        var build = await MainTemplate.Value;

        var properties = Queue(build, "deposits").GetProperty("properties");
        Assert.True(properties.GetProperty("requiresSession").GetBoolean());
        Assert.True(properties.GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.Equal("P1D", properties.GetProperty("duplicateDetectionHistoryTimeWindow").GetString());
    }

    [Fact]
    public async Task The_notifications_queue_has_no_sessions_and_the_app_sends_to_and_receives_from_it_with_its_identity()
    {
        var build = await MainTemplate.Value;

        var properties = Queue(build, "notifications").GetProperty("properties");
        Assert.False(properties.GetProperty("requiresSession").GetBoolean());
        Assert.True(properties.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
        var scopes = Resources(build).Where(r => Type(r) == "Microsoft.Authorization/roleAssignments")
            .Select(r => r.GetProperty("scope").GetString()!).ToList();
        Assert.Equal(2, scopes.Count(s => s.Contains("'notifications'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_app_reaches_the_queue_and_the_ledger_tables_with_its_managed_identity()
    {
        var build = await MainTemplate.Value;

        var roles = build.Template!.RootElement.GetProperty("variables").GetProperty("roles");
        var granted = Resources(build).Where(r => Type(r) == "Microsoft.Authorization/roleAssignments").Select(r =>
        {
            var properties = r.GetProperty("properties");
            var role = RoleVariable().Match(properties.GetProperty("roleDefinitionId").GetString()!).Groups[1].Value;
            Assert.Contains("Microsoft.Web/sites", properties.GetProperty("principalId").GetString());
            Assert.EndsWith(".identity.principalId]", properties.GetProperty("principalId").GetString());
            return (Role: roles.GetProperty(role).GetString(), Scope: r.GetProperty("scope").GetString()!);
        }).ToList();

        Assert.Contains(granted, g => g.Role == ServiceBusDataSender && g.Scope.Contains("namespaces/queues", StringComparison.Ordinal));
        Assert.Contains(granted, g => g.Role == ServiceBusDataReceiver && g.Scope.Contains("namespaces/queues", StringComparison.Ordinal));
        Assert.Contains(granted, g => g.Role == StorageTableDataContributor && g.Scope.Contains("dataStorageName", StringComparison.Ordinal));
        var settings = AppSettings(build);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", settings.Keys);
        Assert.Contains("primaryEndpoints.table", settings["Storage__TableEndpoint"]);
    }

    [Fact]
    public async Task No_key_or_SAS_rule_reaches_the_data_account_or_Service_Bus()
    {
        var build = await MainTemplate.Value;
        var template = build.Template!.RootElement.GetRawText();

        Assert.DoesNotContain("listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('dataStorageName'))", template);
        Assert.DoesNotContain("listKeys(resourceId('Microsoft.ServiceBus", template);
        Assert.DoesNotContain(Resources(build), r => Type(r).StartsWith("Microsoft.ServiceBus/namespaces/authorizationRules", StringComparison.Ordinal)
            || Type(r).StartsWith("Microsoft.ServiceBus/namespaces/queues/authorizationRules", StringComparison.Ordinal));
        Assert.DoesNotContain("Storage__ConnectionString", AppSettings(build).Keys);
        Assert.DoesNotContain("ServiceBusConnection", AppSettings(build).Keys);
        var data = Resources(build).Single(r => Type(r) == "Microsoft.Storage/storageAccounts"
            && r.GetProperty("name").GetString()!.Contains("dataStorageName", StringComparison.Ordinal));
        Assert.False(data.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        var serviceBus = Resources(build).Single(r => Type(r) == "Microsoft.ServiceBus/namespaces");
        Assert.True(serviceBus.GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
    }

    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    private static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    // Names compile to "format('{0}/{1}', parameters('name'), 'deposits')" or similar: the queue's own name is the last literal.
    private static JsonElement Queue(BicepBuild build, string name) =>
        Resources(build).Single(r => Type(r) == "Microsoft.ServiceBus/namespaces/queues"
            && r.GetProperty("name").GetString()!.Contains($"'{name}'", StringComparison.Ordinal));

    private static Dictionary<string, string> AppSettings(BicepBuild build) =>
        Resources(build).Single(r => Type(r) == "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig")
            .GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleVariable();

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
