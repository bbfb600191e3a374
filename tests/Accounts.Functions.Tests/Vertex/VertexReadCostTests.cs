using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// What get_details costs in storage requests, counted between the app and Azurite: the account (unless it was read
/// here within <see cref="Core.Accounts.RecentReads.Bound"/>) and its balance, never the entity.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class VertexReadCostTests(AppFixture app)
{
    private const int Reads = 3;

    /// <param name="recentSeconds">0: every read fresh, so the account is read each time; 300: it stays recent for the test.</param>
    [Theory]
    [InlineData("0", Reads)]
    [InlineData("300", 0)]
    public async Task Get_details_reads_its_book_head_the_account_unless_it_is_recent_and_never_the_entity(string recentSeconds, int accountReads)
    {
        await using var run = await CountedApp.StartAsync(app, builder => builder.UseSetting(Core.Accounts.RecentReads.Setting, recentSeconds));
        var (proxy, factory) = (run.Proxy, run.Factory);
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

        Assert.Equal(accountReads, proxy.Sum("table Accounts GET"));
        Assert.Equal(accountReads, proxy.Sum("table Accounts"));
        Assert.Equal(Reads, proxy.Sum("table Ledger GET"));
        Assert.Equal(0, proxy.Sum("table Entities"));
        Assert.Equal(0, proxy.Sum("table Ledger query"));
    }
}
