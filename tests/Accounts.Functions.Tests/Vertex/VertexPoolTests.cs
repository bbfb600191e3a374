using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>Account numbers come from the configured per-country ranges, never twice, and run out with a 503.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexPoolTests(AppFixture app)
{
    [Fact]
    public async Task Fifty_concurrent_creates_get_fifty_different_numbers_from_the_range()
    {
        var session = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var (entityId, _) = await session.ApprovedEntityAsync(country: "KEN");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => session.AccountAsync("create", new { entity_id = entityId })));
        var listed = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");

        Assert.All(results, r => Assert.Equal(200, r.Status));
        var numbers = results.Select(r => r.Body.GetProperty("account_number").GetString()!).ToList();
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(long.Parse(n), 7100000000, 7199999999));
        Assert.Equal(51, listed.GetArrayLength());
    }

    [Fact]
    public async Task An_exhausted_pool_answers_503_and_hands_out_nothing_twice()
    {
        // A second app over the same Azurite, with its own tables and a three-number pool for Botswana.
        await using var factory = new TinyPoolFactory(app.StorageConnectionString);
        await factory.Services.GetRequiredService<Api.StartupGate>().WaitAsync(CancellationToken.None);
        var session = await VertexSession.StartAsync(factory.Services, factory.CreateClient);
        var (entityId, _) = await session.ApprovedEntityAsync(country: "BWA");

        var second = await session.AccountAsync("create", new { entity_id = entityId });
        var third = await session.AccountAsync("create", new { entity_id = entityId });
        var (status, body) = await session.AccountAsync("create", new { entity_id = entityId });
        var listed = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");

        Assert.Equal((200, 200), (second.Status, third.Status));
        AssertError(503, status, body, "unavailable", mentions: "pool for BWA is exhausted");
        Assert.Equal(["000998", "000999", "001000"], listed.EnumerateArray().Select(a => a.GetProperty("account_number").GetString()!));
    }

    private sealed class TinyPoolFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseEnvironment(TestingAppFactory.EnvironmentName)
                .UseSetting("Storage:ConnectionString", connectionString)
                .UseSetting("Storage:TablePrefix", AzuriteFixture.NewTablePrefix())
                .UseSetting("Vertex:Pools:BWA:Currency", "BWP")
                .UseSetting("Vertex:Pools:BWA:Ranges:0", "000998-000999")
                .UseSetting("Vertex:Pools:BWA:Ranges:1", "001000-001000");
    }
}
