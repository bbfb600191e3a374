using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Operator;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>
/// The app with its logs captured, plus one representative request per dialect, the operator routes and the deposit webhook, each with
/// a tenant's valid credentials, and the check that an answer is that dialect's envelope.
/// </summary>
public sealed class OutageApp : IAsyncDisposable
{
    private OutageApp(TestingAppFactory factory, CapturedLogs logs)
    {
        Factory = factory;
        Logs = logs;
    }

    public TestingAppFactory Factory { get; }

    public CapturedLogs Logs { get; }

    public static OutageApp Start(string storageConnectionString, string? environment = null, Action<IServiceCollection>? services = null,
        bool underFunctionsHost = false)
    {
        var logs = new CapturedLogs();
        var factory = new TestingAppFactory(storageConnectionString, NewTablePrefix(), underFunctionsHost: underFunctionsHost, configure: builder =>
        {
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }

            builder.ConfigureLogging(l => l.AddProvider(logs));
            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
        });
        _ = factory.Services;
        return new OutageApp(factory, logs);
    }

    /// <summary>The app's Operator:ApiKey (each environment's appsettings has its own).</summary>
    public string OperatorKey => Factory.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.ApiKey!;

    public HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>(dialect, request) for each dialect's representative route, as <paramref name="tenant"/>.</summary>
    public static IEnumerable<(string Dialect, HttpRequestMessage Request)> Representatives(TenantRegistration tenant, string token, string operatorKey)
    {
        var zoqq = new HttpRequestMessage(HttpMethod.Get, "/zoqq/api/v1/account");
        zoqq.Headers.Add("x-api-key", tenant.ApiKey);
        zoqq.Headers.Add("x-product-id", tenant.ProductId);
        zoqq.Headers.Add("x-request-id", Guid.NewGuid().ToString());
        zoqq.Headers.Add("x-user-id", "user-1");
        zoqq.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        yield return ("zoqq", zoqq);

        var nuban = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts");
        nuban.Headers.Add("X-API-Key", tenant.ApiKey);
        yield return ("nuban", nuban);

        var ledger = new HttpRequestMessage(HttpMethod.Get, "/accounts");
        ledger.Headers.Add("x-api-key", tenant.ApiKey);
        ledger.Headers.Add("User-Agent", "tests/1.0");
        ledger.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        yield return ("ledger", ledger);

        var vertex = new HttpRequestMessage(HttpMethod.Post, $"/svc/entity/{tenant.PartnerId}/create")
        {
            Content = new StringContent("{\"type\":\"personal\",\"name\":\"Thandi Nkosi\",\"country\":\"ZAF\"}", Encoding.UTF8, "application/json"),
        };
        vertex.Headers.Add("x-api-key", tenant.ApiKey);
        yield return ("vertex", vertex);

        // Rotating a webhook secret reads the tenant and the clock, so a failure of either reaches the operator envelope.
        var rotation = new HttpRequestMessage(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-secret");
        rotation.Headers.Add("x-operator-key", operatorKey);
        yield return ("operator", rotation);

        yield return ("webhook", DepositWebhook.Request(tenant, DepositWebhook.Event("settled", "out-" + Guid.NewGuid().ToString("N"), "6200000001", "10.00")));
    }

    /// <summary>Asserts <paramref name="body"/> is <paramref name="dialect"/>'s error envelope and returns its message.</summary>
    public static string AssertEnvelope(string dialect, JsonElement body)
    {
        switch (dialect)
        {
            case "zoqq":
                Assert.Equal("error", body.GetProperty("status").GetString());
                return body.GetProperty("message").GetString()!;
            case "nuban":
                Assert.False(body.GetProperty("success").GetBoolean());
                return body.GetProperty("message").GetString()!;
            case "ledger":
            case "vertex":
                var error = body.GetProperty("error");
                Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
                return error.GetProperty("message").GetString()!;
            case "webhook":
            case "operator":
                Assert.Equal("error", body.GetProperty("status").GetString());
                return body.GetProperty("message").GetString()!;
            default:
                throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null);
        }
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private static string NewTablePrefix() => Accounts.TestSupport.AzuriteFixture.NewTablePrefix();
}
