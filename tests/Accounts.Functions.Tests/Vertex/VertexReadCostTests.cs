using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// What reads cost in storage requests, counted between the app and Azurite. get_details: the account (unless it was
/// read here within <see cref="Core.Accounts.RecentReads.Bound"/>) and its balance, never the entity. list: the book's
/// head once a page, however many windows of the book the page takes.
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

    [Fact]
    public async Task A_list_page_reads_the_book_head_once_however_many_windows_it_reads()
    {
        await using var run = await CountedApp.StartAsync(app);
        var (proxy, factory) = (run.Proxy, run.Factory);
        var session = await VertexSession.StartAsync(factory.Services, factory.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(accountId, "w-1", "1.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "w-1", "1.00");
        await session.CreditAsync(accountId, "w-2", "2.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "w-2", "2.00");

        // Two lines from four entries: each pending entry is hidden by its settlement, so the page reads the book in
        // three windows (sequences 1-2, then 3, then 4) to fill its two lines.
        proxy.Reset();
        var (status, body) = await session.AccountAsync("list", new { account_id = accountId, limit = 2 });

        Assert.Equal(200, status);
        var lines = body.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal(["w-1", "w-2"], lines.Select(t => t.GetProperty("ref").GetString()));
        Assert.All(lines, t => Assert.Equal("Successful", t.GetProperty("status").GetString()));
        Assert.Equal(1, proxy.SumRows("table Ledger GET head"));
        Assert.Equal(0, proxy.Sum("table Ledger query"));
    }
}
