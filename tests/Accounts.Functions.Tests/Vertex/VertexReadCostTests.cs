using Accounts.Functions.Api;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// What get_details costs in storage requests, counted between the app and Azurite: the account (unless it was read
/// here within <see cref="Core.Accounts.RecentReads.Bound"/>) and its balance, never the entity.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class VertexReadCostTests(AppFixture app)
{
    private const int Reads = 3;

    [Fact]
    public async Task Get_details_reads_the_account_and_its_book_head_and_not_the_entity()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var proxy = await CountingStorageProxy.StartAsync(app.StorageConnectionString, prefix);
        await using var factory = new TestingAppFactory(proxy.ConnectionString, prefix,
            builder => builder.UseSetting(Core.Accounts.RecentReads.Setting, "0")); // every read fresh: the account is read each time
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var session = await VertexSession.StartAsync(factory.Services, factory.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(accountId, "cost-1", "12.50");

        proxy.Reset();
        for (var i = 0; i < Reads; i++)
        {
            var (status, body) = await session.AccountAsync("get_details", new { account_id = accountId });
            Assert.Equal(200, status);
            Assert.Equal("12.50", body.GetProperty("balance").GetString());
        }

        Assert.Equal(Reads, proxy.Sum("table Accounts GET"));
        Assert.Equal(Reads, proxy.Sum("table Ledger GET"));
        Assert.Equal(0, proxy.Sum("table Entities"));
        Assert.Equal(0, proxy.Sum("table Ledger query"));
    }

    [Fact]
    public async Task Get_details_of_a_recent_account_reads_only_its_book_head()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var proxy = await CountingStorageProxy.StartAsync(app.StorageConnectionString, prefix);
        await using var factory = new TestingAppFactory(proxy.ConnectionString, prefix,
            builder => builder.UseSetting(Core.Accounts.RecentReads.Setting, "300"));
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var session = await VertexSession.StartAsync(factory.Services, factory.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(accountId, "cost-1", "12.50");

        proxy.Reset();
        for (var i = 0; i < Reads; i++)
        {
            var (status, body) = await session.AccountAsync("get_details", new { account_id = accountId });
            Assert.Equal(200, status);
            Assert.Equal("12.50", body.GetProperty("balance").GetString());
        }

        Assert.Equal(0, proxy.Sum("table Accounts"));
        Assert.Equal(Reads, proxy.Sum("table Ledger GET"));
        Assert.Equal(0, proxy.Sum("table Entities"));
    }
}
