using Accounts.Core.Ledger;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using Azure.Data.Tables;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>
/// The head carries a book's balances, so a snapshot and a balance read are point reads of the head; books whose head
/// was written before that still read their balance rows, until their next commit moves the balances into the head.
/// </summary>
public sealed class LedgerHeadBalancesTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Store => new(Tables);

    [Fact]
    public async Task Balances_are_read_from_the_head_not_from_the_balance_rows()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(empty, Credit(empty, "a", 1_000, T0), Ct));
        var first = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(first, Credit(first, "b", 250, T0, Jpy), Ct));

        // A balance row overwritten behind the ledger's back: if it were still read, this would show.
        await Tables.Ledger.Client.UpsertEntityAsync(BalanceRow(bookId, "USD", 999_999), TableUpdateMode.Replace, Ct);

        var expected = new[] { new BookBalance(bookId, Jpy, 250, 0, 0), new BookBalance(bookId, Usd, 1_000, 0, 0) };
        Assert.Equal(expected, (await Store.GetBalancesAsync(bookId, Ct)).OrderBy(b => b.Currency.Code));
        Assert.Equal(expected, (await Store.ReadAsync(bookId, [], Ct)).Balances.Values.OrderBy(b => b.Currency.Code));
    }

    [Fact]
    public async Task Every_commit_keeps_the_balance_rows_current_for_a_previous_version_still_running()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(empty, Credit(empty, "a", 1_000, T0), Ct));
        var first = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(first, Credit(first, "b", 500, T0), Ct));

        var row = await Tables.Ledger.Client.GetEntityAsync<TableEntity>(LedgerKeys.Partition(bookId), LedgerKeys.Balance("USD"), cancellationToken: Ct);
        Assert.Equal(1_500, row.Value.GetInt64("Posted"));
    }

    [Fact]
    public async Task A_book_whose_head_has_no_balances_reads_its_balance_rows_and_its_next_commit_moves_them_into_the_head()
    {
        var bookId = NewBookId();
        var legacyHead = await WriteLegacyBookAsync(bookId, new BookBalance(bookId, Usd, 700, 30, 100), new BookBalance(bookId, Jpy, 5, 0, 0));

        var snapshot = await Store.ReadAsync(bookId, [], Ct);
        Assert.Equal(legacyHead, snapshot.Head);
        Assert.Equal(new BookBalance(bookId, Usd, 700, 30, 100), snapshot.Balances["USD"]);
        Assert.Equal(new BookBalance(bookId, Jpy, 5, 0, 0), snapshot.Balances["JPY"]);
        Assert.Equal(2, (await Store.GetBalancesAsync(bookId, Ct)).Count);

        Assert.NotNull(await Store.TryCommitAsync(snapshot, Credit(snapshot, "next", 300, T0), Ct));

        // The head now carries both balances, the untouched JPY one included: the balance rows are no longer read.
        await Tables.Ledger.Client.DeleteEntityAsync(LedgerKeys.Partition(bookId), LedgerKeys.Balance("JPY"), cancellationToken: Ct);
        Assert.Equal([new BookBalance(bookId, Jpy, 5, 0, 0), new BookBalance(bookId, Usd, 1_000, 30, 100)],
            (await Store.GetBalancesAsync(bookId, Ct)).OrderBy(b => b.Currency.Code));
    }

    [Fact]
    public async Task A_commit_built_on_balance_rows_fails_when_the_book_moved_after_they_were_read()
    {
        var bookId = NewBookId();
        await WriteLegacyBookAsync(bookId, new BookBalance(bookId, Usd, 700, 0, 0));
        var stale = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(stale, Credit(stale, "first", 100, T0), Ct));

        Assert.Null(await Store.TryCommitAsync(stale, Credit(stale, "second", 100, T0), Ct));

        Assert.Equal([new BookBalance(bookId, Usd, 800, 0, 0)], await Store.GetBalancesAsync(bookId, Ct));
    }

    /// <summary>A book as the previous version wrote it: a head without balances, and one balance row per currency.</summary>
    private async Task<BookHead> WriteLegacyBookAsync(string bookId, params BookBalance[] balances)
    {
        var head = new BookHead(3, "hash-3", T0);
        var partition = LedgerKeys.Partition(bookId);
        var rows = balances.Select(b => BalanceRow(bookId, b.Currency.Code, b.Posted, b.Pending, b.Reserved))
            .Append(new TableEntity(partition, LedgerKeys.Head)
            {
                ["Sequence"] = head.Sequence,
                ["LastHash"] = head.LastHash,
                ["LastTime"] = head.LastTime.UtcTicks,
            });
        await Tables.Ledger.Client.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), Ct);
        return head;
    }

    private static TableEntity BalanceRow(string bookId, string currency, long posted, long pending = 0, long reserved = 0) =>
        new(LedgerKeys.Partition(bookId), LedgerKeys.Balance(currency))
        {
            ["BookId"] = bookId,
            ["Currency"] = currency,
            ["Posted"] = posted,
            ["Pending"] = pending,
            ["Reserved"] = reserved,
        };
}
