using Accounts.Core.Kyc;
using Accounts.Core.Ledger;
using Accounts.Core.Tests.Ledger;

namespace Accounts.Core.Tests.Kyc;

public sealed class TransactionBookTests
{
    private static BookHead HeadOf(IReadOnlyList<LedgerEntry> chain) => new(chain.Count, chain[^1].Hash, chain[^1].CreatedAt);

    [Fact]
    public void An_intact_book_is_verified_throughout()
    {
        var chain = ChainBuilder.Chain(3);

        Assert.All(TransactionBook.Build(chain, HeadOf(chain)), t => Assert.True(t.Verified));
    }

    [Fact]
    public void An_edited_entry_is_unverified_from_there_on()
    {
        var chain = ChainBuilder.Chain(4);
        var head = HeadOf(chain);
        chain[1] = chain[1] with { Amount = chain[1].Amount with { Minor = 1 } };

        Assert.Equal([true, false, false, false], TransactionBook.Build(chain, head).Select(t => t.Verified));
    }

    [Fact]
    public void A_newest_entry_rehashed_after_an_edit_is_caught_by_the_head()
    {
        var chain = ChainBuilder.Chain(3);
        var head = HeadOf(chain);
        chain[2] = ChainBuilder.Seal(chain[2] with { Description = "edited" });

        Assert.Null(HashChain.FirstBrokenIndex(chain));
        Assert.Equal(2, TransactionBook.FirstUnverified(chain, head));
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_at_its_successor()
    {
        var chain = ChainBuilder.Chain(3);
        var head = HeadOf(chain);
        chain.RemoveAt(1);

        Assert.Equal(1, TransactionBook.FirstUnverified(chain, head));
    }

    [Fact]
    public void An_entry_named_by_a_reversal_shows_Reversed_and_others_keep_their_status()
    {
        var first = ChainBuilder.Entry(0);
        var pending = ChainBuilder.Seal(ChainBuilder.Entry(1, first.Hash) with { Status = EntryStatus.Pending });
        var reversal = ChainBuilder.Seal(ChainBuilder.Entry(2, pending.Hash) with
        {
            Type = EntryType.Reversal, Direction = Direction.Debit, ParentEntryId = first.Id,
        });
        var chain = new[] { first, pending, reversal };

        var transactions = TransactionBook.Build(chain, HeadOf(chain));

        Assert.Equal([EntryStatus.Reversed, EntryStatus.Pending, EntryStatus.Settled], transactions.Select(t => t.Status));
        Assert.Equal(("account-1.entry-2", "account-1.entry-0"), (transactions[2].TxId, transactions[2].ParentTxId));
        Assert.Null(transactions[0].ParentTxId);
    }
}
