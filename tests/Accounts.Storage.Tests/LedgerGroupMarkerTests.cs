using Accounts.Core.Ledger;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>
/// Group markers, the head's flag saying a book keeps them, and the head version a commit returns (what the ledger
/// remembers the book at), on Azurite.
/// </summary>
public sealed class LedgerGroupMarkerTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Store => new(Tables);

    [Fact]
    public async Task A_commit_returns_the_head_version_a_read_then_finds_and_a_commit_on_it_succeeds()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);

        var receipt = await Store.TryCommitAsync(empty, Credit(empty, "a", 100, T0), Ct);

        var read = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(receipt?.HeadVersion);
        Assert.Equal(read.HeadVersion, receipt.HeadVersion);

        // A snapshot built from the receipt alone (no read) is as good as one read.
        var remembered = read with { HeadVersion = receipt.HeadVersion };
        Assert.NotNull(await Store.TryCommitAsync(remembered, Credit(remembered, "b", 50, T0), Ct));
        Assert.Equal(150, Assert.Single(await Store.GetBalancesAsync(bookId, Ct)).Posted);
    }

    [Fact]
    public async Task A_marker_is_written_with_its_commit_and_an_existing_marker_fails_the_whole_commit()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(empty, Credit(empty, "dep:x:settled", 100, T0) with { Groups = ["dep:x"], KeepsGroups = true }, Ct));

        var basis = await Store.ReadAsync(bookId, [], Ct);
        var again = Credit(basis, "dep:x:reversed", 100, T0) with { Groups = ["dep:x"], KeepsGroups = true };

        Assert.Null(await Store.TryCommitAsync(basis, again, Ct));
        var facts = await Store.ReadFactsAsync(bookId, ["dep:x:settled", "dep:x:reversed"], ["dep:x", "dep:y"], Ct);
        Assert.Equal(["dep:x:settled"], facts.References.Keys);
        Assert.Equal(["dep:x"], facts.Groups);
        Assert.Equal(100, Assert.Single(await Store.GetBalancesAsync(bookId, Ct)).Posted);
    }

    [Fact]
    public async Task The_head_says_the_book_keeps_markers_until_a_commit_without_the_flag_replaces_it()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        Assert.True(empty.CommitKeepsGroups); // a new book starts keeping them
        Assert.NotNull(await Store.TryCommitAsync(empty, Credit(empty, "a", 1, T0) with { KeepsGroups = true }, Ct));

        var keeping = await Store.ReadAsync(bookId, [], Ct);
        Assert.True(keeping.KeepsGroups);

        // An older version's commit knows no flag: its replace of the head drops it, for good.
        Assert.NotNull(await Store.TryCommitAsync(keeping, Credit(keeping, "b", 1, T0), Ct));
        var dropped = await Store.ReadAsync(bookId, [], Ct);
        Assert.False(dropped.KeepsGroups);
        Assert.False(dropped.CommitKeepsGroups);
    }
}
