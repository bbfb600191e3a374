using System.Text.Json;
using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// Pages verified from a checkpoint: an edit the page depends on is caught on the page, and a book written before
/// the sequence index (no index rows) still lists, whole and paged, and is indexed by that read.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class VertexTransactionCheckpointTests(AppFixture app)
{
    private async Task<(VertexSession Session, string AccountId, VertexBookRows Rows)> BookAsync()
    {
        var session = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        return (session, accountId, new VertexBookRows(session, accountId));
    }

    [Fact]
    public async Task An_edit_between_the_checkpoint_and_the_page_makes_the_page_unverified_but_not_the_pages_before_it()
    {
        var (_, _, rows) = await BookAsync();
        await rows.PostSettledAsync(210);
        await rows.EditEntryAsync(203, row => row["AmountMinor"] = 999_900L);

        var all = await rows.AllPagesAsync(limit: 100);
        var afterTheEdit = await rows.AllPagesAsync(limit: 7);

        // Pages of 100 put 201–210 on one page; pages of 7 put 204–210 on pages that do not show 203 at all.
        Assert.Equal(Enumerable.Repeat(true, 202).Concat(Enumerable.Repeat(false, 8)), Verified(all));
        Assert.Equal(Verified(all), Verified(afterTheEdit));
        Assert.Equal("9999.00", afterTheEdit[202].GetProperty("amount").GetString());
    }

    [Fact]
    public async Task A_forged_checkpoint_makes_the_entries_after_it_unverified()
    {
        var (_, _, rows) = await BookAsync();
        await rows.PostSettledAsync(150);
        await rows.ForgeCheckpointAsync(block: 1, new string('a', 64));

        var pages = await rows.AllPagesAsync(limit: 25);

        Assert.Equal(Enumerable.Repeat(true, 100).Concat(Enumerable.Repeat(false, 50)), Verified(pages));
    }

    [Fact]
    public async Task An_entry_rehashed_after_an_edit_still_shows_the_broken_link_on_the_page_of_the_next_entry()
    {
        var (_, _, rows) = await BookAsync();
        var entries = await rows.PostSettledAsync(120);
        var edited = entries[104] with { Description = "edited" };
        await rows.EditEntryAsync(105, row =>
        {
            row["Description"] = "edited";
            row["Hash"] = HashChain.Compute(edited);
        });

        var pages = await rows.AllPagesAsync(limit: 1);

        Assert.Equal(Enumerable.Repeat(true, 105).Concat(Enumerable.Repeat(false, 15)), Verified(pages));
    }

    [Fact]
    public async Task An_edited_later_step_shows_the_line_it_would_hide_as_unverified_on_that_lines_page()
    {
        var (session, accountId, rows) = await BookAsync();
        await session.CreditAsync(accountId, "s-1", "10.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "s-1", "10.00");
        var intact = await rows.AllPagesAsync(limit: 1);
        await rows.EditEntryAsync(2, row => row["AmountMinor"] = 1L);

        var first = (await session.AccountAsync("list", new { account_id = accountId, limit = 1 })).Body.GetProperty("transactions");

        Assert.Equal(["Successful"], intact.Select(t => t.GetProperty("status").GetString()));
        var shown = Assert.Single(first.EnumerateArray());
        Assert.Equal(("Pending", false), (shown.GetProperty("status").GetString(), shown.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task A_book_without_the_sequence_index_lists_the_same_and_is_indexed_by_reading_it()
    {
        var (session, accountId, rows) = await BookAsync();
        await session.CreditAsync(accountId, "l-1", "10.00", EntryStatus.Pending);
        var settled = await session.CreditAsync(accountId, "l-1", "10.00");
        await rows.PostSettledAsync(130);
        await session.ReverseAsync(accountId, settled);
        var indexed = await rows.AllPagesAsync(limit: 1000);
        await rows.RemoveIndexAsync();
        Assert.Empty(await rows.IndexRowsAsync());

        var legacyPaged = await rows.AllPagesAsync(limit: 40);
        var backfilled = await rows.IndexRowsAsync();
        var afterwards = await rows.AllPagesAsync(limit: 40);

        Assert.Equal(132, indexed.Count);
        Assert.Equal("Reversed", indexed[0].GetProperty("status").GetString());
        Assert.Equal(indexed.Select(t => t.GetRawText()), legacyPaged.Select(t => t.GetRawText()));
        Assert.Equal(2, backfilled.Count);
        Assert.Equal(indexed.Select(t => t.GetRawText()), afterwards.Select(t => t.GetRawText()));
    }

    private static IEnumerable<bool> Verified(IEnumerable<JsonElement> transactions) =>
        transactions.Select(t => t.GetProperty("verified").GetBoolean()).ToList();
}
