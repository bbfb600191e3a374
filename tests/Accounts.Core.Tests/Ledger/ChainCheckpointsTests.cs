using Accounts.Core.Kyc;
using Accounts.Core.Ledger;

namespace Accounts.Core.Tests.Ledger;

public sealed class ChainCheckpointsTests
{
    private static readonly List<LedgerEntry> Book = ChainBuilder.Chain(250);

    private static BookHead Head => new(Book.Count, Book[^1].Hash, Book[^1].CreatedAt);

    private static Dictionary<long, string> Checkpoints => new() { [100] = Book[99].Hash, [200] = Book[199].Hash };

    [Fact]
    public void From_a_checkpoint_an_intact_chain_verifies_as_it_does_from_the_first_entry()
    {
        var verified = ChainCheckpoints.Verify(Book[100..], 100, Checkpoints, Head);

        Assert.All(verified!, Assert.True);
        Assert.Equal(Book.Count, TransactionBook.FirstUnverified(Book, Head));
    }

    [Fact]
    public void An_edit_after_the_checkpoint_is_unverified_from_there_on_as_in_the_whole_book()
    {
        var edited = Book.ToList();
        edited[150] = edited[150] with { Description = "edited" };

        var verified = ChainCheckpoints.Verify(edited[100..], 100, Checkpoints, Head)!;

        Assert.Equal(150, TransactionBook.FirstUnverified(edited, Head));
        Assert.Equal(50, Array.IndexOf(verified, false));
        Assert.All(verified[50..], Assert.False);
    }

    [Fact]
    public void A_checkpoint_that_disagrees_with_the_chain_breaks_it_there()
    {
        var forged = Checkpoints;
        forged[200] = new string('f', 64);

        var fromForged = ChainCheckpoints.Verify(Book[200..], 200, forged, Head)!;
        var acrossForged = ChainCheckpoints.Verify(Book[100..], 100, forged, Head)!;

        Assert.All(fromForged, Assert.False);
        Assert.Equal(100, Array.IndexOf(acrossForged, false));
    }

    [Fact]
    public void The_entry_the_head_points_at_must_carry_the_heads_hash()
    {
        var rehashed = Book.ToList();
        rehashed[^1] = ChainBuilder.Seal(rehashed[^1] with { Description = "edited" });

        var verified = ChainCheckpoints.Verify(rehashed[200..], 200, Checkpoints, Head)!;

        Assert.Equal([true, false], verified[^2..]);
    }

    [Fact]
    public void Without_the_starting_checkpoint_there_is_no_answer_and_from_zero_the_genesis_hash_is_the_start()
    {
        Assert.Null(ChainCheckpoints.Verify(Book[100..], 100, new Dictionary<long, string>(), Head));
        Assert.All(ChainCheckpoints.Verify(Book[..50], 0, new Dictionary<long, string>(), Head)!, Assert.True);
        Assert.Equal(200, ChainCheckpoints.Before(201));
        Assert.Equal(100, ChainCheckpoints.Before(200));
        Assert.Equal(0, ChainCheckpoints.Before(1));
    }
}
