using Accounts.Functions.Security;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Accounts.Functions.Tests.Operator;

/// <summary>What happens when the operator key or the server's keys are not configured.</summary>
[Collection(AppCollection.Name)]
public sealed class OperatorConfigurationTests(AppFixture app)
{
    [Fact]
    public async Task Without_an_operator_key_configured_the_operator_routes_do_not_exist()
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(),
            b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Operator:ApiKey"] = "" })));
        var client = new OperatorClient(factory.Services, factory.CreateClient);

        var withAnyKey = await client.SendAsync(HttpMethod.Post, "/operator/tenants", new { name = "n", product_id = "p", partner_id = "q" }, "");
        var withTestKey = await client.SendAsync(HttpMethod.Post, "/operator/tenants", new { name = "n", product_id = "p", partner_id = "q" },
            "testing-operator-key");

        Assert.Equal((404, 404), (withAnyKey.Status, withTestKey.Status));
    }

    [Fact]
    public async Task Outside_development_the_app_does_not_start_without_a_pepper_and_an_encryption_key()
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(),
            b => b.UseEnvironment("Staging"));

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        var messages = string.Join("\n", Flatten(ex).Select(e => e.Message));
        Assert.Contains("Security:Pepper", messages);
        Assert.Contains("Security:EncryptionKey", messages);
    }

    [Fact]
    public void Development_documents_usable_defaults_for_the_server_keys()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"))
            .Build();
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()!;

        Assert.True(SecurityOptions.IsPepperValid(options.Pepper));
        Assert.True(SecurityOptions.IsEncryptionKeyValid(options.EncryptionKey));
        Assert.False(string.IsNullOrEmpty(configuration["Operator:ApiKey"]));
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a
            ? a.InnerExceptions.SelectMany(Flatten).Prepend(e)
            : e.InnerException is null ? [e] : Flatten(e.InnerException).Prepend(e);
}
