using Accounts.Core.Ledger;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

public sealed class LedgerCommitTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Store => new(Tables);

    [Fact]
    public async Task An_empty_book_reads_as_the_empty_head_without_versions()
    {
        var snapshot = await Store.ReadAsync(NewBookId(), ["nothing"], Ct);

        Assert.Equal(BookHead.Empty, snapshot.Head);
        Assert.Null(snapshot.HeadVersion);
        Assert.Empty(snapshot.Balances);
        Assert.Empty(snapshot.References);
    }

    [Fact]
    public async Task A_commit_reads_back_with_exact_head_balances_entries_and_references()
    {
        var bookId = NewBookId();
        const string reference = "ref/with#odd?chars\\ü%";
        var basis = await Store.ReadAsync(bookId, [reference], Ct);
        var usdEntry = Entry(bookId, 1, T0, reference, 12_345) with { ParentEntryId = "parent-1", Counterparty = "Jane" };
        var jpyEntry = Entry(bookId, 2, T0, "jpy-ref", 500, Jpy);
        var usd = new BookBalance(bookId, Usd, 12_345, -20, 45);
        var jpy = new BookBalance(bookId, Jpy, 500, 0, long.MaxValue);
        var head = new BookHead(2, jpyEntry.Hash, jpyEntry.CreatedAt);
        var refRecord = new ReferenceRecord(reference, usdEntry.Id, "fingerprint|1");
        var commit = new BookCommit(head, [usd, jpy], [usdEntry, jpyEntry], [refRecord]);

        Assert.NotNull(await Store.TryCommitAsync(basis, commit, Ct));

        var read = await Store.ReadAsync(bookId, [reference, "jpy-ref"], Ct);
        Assert.Equal(head, read.Head);
        Assert.NotNull(read.HeadVersion);
        Assert.Equal(usd, read.Balances["USD"]);
        Assert.Equal(jpy, read.Balances["JPY"]);
        Assert.Equal(["JPY", "USD"], read.Balances.Keys.Order());
        Assert.Equal(refRecord with { Version = read.References[reference].Version }, read.References[reference]);
        Assert.NotNull(read.References[reference].Version);
        Assert.False(read.References.ContainsKey("jpy-ref"));
        Assert.Equal([usd, jpy], (await Store.GetBalancesAsync(bookId, Ct)).OrderByDescending(b => b.Currency.Code));
        Assert.Equal([usdEntry, jpyEntry], await Store.QueryEntriesAsync(bookId, new EntryQuery(OldestFirst: true), Ct));
    }

    [Fact]
    public async Task A_commit_on_a_stale_snapshot_returns_false_and_writes_nothing()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(empty, Credit(empty, "first", 1_000, T0), Ct));
        var stale = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(stale, Credit(stale, "second", 2_000, T0), Ct));
        var current = await Store.ReadAsync(bookId, [], Ct);

        // A different reference and a new currency: only the head's ETag can catch this one.
        Assert.Null(await Store.TryCommitAsync(stale, Credit(stale, "third", 3_000, T0.AddMinutes(1), Jpy), Ct));

        await AssertUnchanged(bookId, current, entryCount: 2);
        Assert.Equal(3_000, current.Balances["USD"].Posted);
    }

    [Fact]
    public async Task Reinserting_an_existing_reference_fails_the_whole_batch()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, ["dup"], Ct);
        Assert.NotNull(await Store.TryCommitAsync(basis, Credit(basis, "dup", 1_000, T0), Ct));

        // A fresh snapshot that did not ask for the reference, so the commit inserts it again.
        var current = await Store.ReadAsync(bookId, [], Ct);
        Assert.Null(await Store.TryCommitAsync(current, Credit(current, "dup", 1_000, T0), Ct));

        await AssertUnchanged(bookId, current, entryCount: 1);
    }

    [Fact]
    public async Task A_reference_read_with_its_version_can_be_replaced()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, ["r"], Ct);
        Assert.NotNull(await Store.TryCommitAsync(basis, Credit(basis, "r", 1, T0), Ct));
        var current = await Store.ReadAsync(bookId, ["r"], Ct);
        var commit = Credit(current, "other", 1, T0);
        var updated = current.References["r"] with { Fingerprint = "changed" };

        Assert.NotNull(await Store.TryCommitAsync(current, commit with { References = [updated] }, Ct));
        Assert.Equal("changed", (await Store.ReadAsync(bookId, ["r"], Ct)).References["r"].Fingerprint);
    }

    [Fact]
    public async Task Two_first_commits_to_an_empty_book_cannot_both_succeed()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);

        var results = await Task.WhenAll(
            Store.TryCommitAsync(empty, Credit(empty, "x", 1, T0), Ct),
            Store.TryCommitAsync(empty, Credit(empty, "y", 1, T0), Ct));

        Assert.Single(results, r => r is not null);
        Assert.Single(await Store.QueryEntriesAsync(bookId, new EntryQuery(), Ct));
    }

    [Fact]
    public async Task A_commit_over_100_rows_is_refused_and_writes_nothing()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCommitAsync(empty, Many(empty, 99), Ct));

        Assert.Null((await Store.ReadAsync(bookId, [], Ct)).HeadVersion);
    }

    [Fact]
    public async Task Entries_of_another_book_are_refused()
    {
        var empty = await Store.ReadAsync(NewBookId(), [], Ct);
        var other = await Store.ReadAsync(NewBookId(), [], Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCommitAsync(empty, Credit(other, "x", 1, T0), Ct));
    }

    private async Task AssertUnchanged(string bookId, BookSnapshot expected, int entryCount)
    {
        var now = await Store.ReadAsync(bookId, [], Ct);
        Assert.Equal(expected.Head, now.Head);
        Assert.Equal(expected.HeadVersion, now.HeadVersion);
        Assert.Equal(expected.Balances.Values.OrderBy(b => b.Currency.Code), (await Store.GetBalancesAsync(bookId, Ct)).OrderBy(b => b.Currency.Code));
        Assert.Equal(entryCount, (await Store.QueryEntriesAsync(bookId, new EntryQuery(Take: 1000), Ct)).Count);
    }
}
