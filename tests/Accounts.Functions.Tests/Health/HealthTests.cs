using System.Diagnostics;
using System.Text.Json.Nodes;
using Accounts.Functions.Health;
using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Health;

/// <summary>GET /healthz goes to storage and the queue; it is a function of its own, unlike the instant GET / probe.</summary>
public sealed class HealthTests(DocsAppFixture app) : IClassFixture<DocsAppFixture>
{
    [Fact]
    public async Task Reachable_storage_and_queue_answer_200_as_documented()
    {
        using var client = app.CreateClient();
        var (status, body) = await JsonHttp.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        Assert.True(status == 200, body.ToString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("tables").GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("queue").GetProperty("status").GetString());
        SchemaMatch.Assert(await app.ResponseSchemaAsync("operator", "GET", "/healthz", 200), JsonNode.Parse(body.GetRawText()), "GET /healthz");
    }

    [Fact]
    public void Healthz_is_an_http_function_and_the_readiness_probe_is_not()
    {
        var functions = FunctionMetadataBuilder.Build(app.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        var health = Assert.Single(functions, f => f.Name == HealthEndpoints.FunctionName);
        var trigger = Assert.Single(health.Bindings, b => b.IsTrigger).ToJson();
        Assert.Equal("healthz", trigger["route"]!.GetValue<string>());
        Assert.DoesNotContain(functions, f => f.Bindings.Any(b => b.IsTrigger && b.ToJson()["route"]?.GetValue<string>() == ""));
    }

    [Fact]
    public async Task Unreachable_storage_answers_503_naming_the_check_while_GET_root_stays_instant()
    {
        var closedPort = Accounts.Storage.Emulator.FreePorts.Take(1)[0];
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Accounts.Storage.Emulator.AzuriteProcess.AccountKey};"
            + $"TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        await using var factory = new TestingAppFactory(storage, Accounts.TestSupport.AzuriteFixture.NewTablePrefix());
        using var client = factory.CreateClient();

        var clock = Stopwatch.StartNew();
        using (var ready = await client.GetAsync("/"))
        {
            Assert.Equal(200, (int)ready.StatusCode);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"GET / took {clock.Elapsed}");

        clock.Restart();
        var (status, body) = await JsonHttp.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        Assert.Equal(503, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var tables = body.GetProperty("checks").GetProperty("tables");
        Assert.Equal("failed", tables.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(tables.GetProperty("detail").GetString()));
        Assert.Equal("failed", body.GetProperty("checks").GetProperty("queue").GetProperty("status").GetString());
        Assert.True(clock.Elapsed < HealthEndpoints.Timeout + TimeSpan.FromSeconds(3), $"GET /healthz took {clock.Elapsed}");
    }

    [Fact]
    public async Task Under_the_Functions_host_the_queue_is_Service_Bus_and_reported_as_skipped()
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, app.TablePrefix, underFunctionsHost: true);
        using var client = factory.CreateClient();
        var (status, body) = await JsonHttp.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        Assert.True(status == 200, body.ToString());
        Assert.Equal("skipped", body.GetProperty("checks").GetProperty("queue").GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("tables").GetProperty("status").GetString());
    }
}
