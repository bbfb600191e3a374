using Accounts.Core.Ledger;
using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Ledger;

public sealed class HashChainTests
{
    [Fact]
    public void A_hash_is_64_lowercase_hex_digits_and_deterministic()
    {
        var entry = ChainBuilder.Entry(0);

        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
        Assert.Equal(entry.Hash, HashChain.Compute(entry));
        Assert.Equal(entry.Hash, HashChain.Compute(entry with { Hash = "anything" }));
    }

    [Fact]
    public void An_intact_chain_of_three_verifies()
    {
        var chain = ChainBuilder.Chain(3);

        Assert.Null(HashChain.FirstBrokenIndex(chain));
        Assert.Equal(BookHead.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
    }

    [Fact]
    public void An_empty_chain_is_intact() => Assert.Null(HashChain.FirstBrokenIndex([]));

    public static TheoryData<string> Edits => new() { "amount", "currency", "description", "status", "created", "fee", "posted_after" };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Editing_a_field_of_entry_one_is_detected_at_index_one(string edit)
    {
        var chain = ChainBuilder.Chain(3);
        var e = chain[1];
        chain[1] = edit switch
        {
            "amount" => e with { Amount = e.Amount with { Minor = e.Amount.Minor + 1 } },
            "currency" => e with { Amount = new MoneyValue(e.Amount.Minor, Currency.Parse("SGD", "c")) },
            "description" => e with { Description = e.Description + "." },
            "status" => e with { Status = EntryStatus.Reversed },
            "created" => e with { CreatedAt = e.CreatedAt.AddTicks(1) },
            "fee" => e with { FeeMinor = 1 },
            _ => e with { PostedAfter = e.PostedAfter - 1 },
        };

        Assert.Equal(1, HashChain.FirstBrokenIndex(chain));
    }

    [Fact]
    public void Reordering_is_detected_where_the_order_first_differs()
    {
        var chain = ChainBuilder.Chain(3);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(1, HashChain.FirstBrokenIndex(chain));
    }

    [Fact]
    public void Removing_an_entry_is_detected_at_the_gap()
    {
        var chain = ChainBuilder.Chain(3);
        chain.RemoveAt(1);

        Assert.Equal(1, HashChain.FirstBrokenIndex(chain));
    }

    [Fact]
    public void A_tampered_entry_with_a_forged_hash_is_caught_at_the_next_link()
    {
        var chain = ChainBuilder.Chain(3);
        chain[1] = ChainBuilder.Seal(chain[1] with { Amount = chain[1].Amount with { Minor = 1 } });

        Assert.Equal(2, HashChain.FirstBrokenIndex(chain));
    }

    [Fact]
    public void A_forged_newest_entry_is_only_caught_by_the_book_head()
    {
        var chain = ChainBuilder.Chain(3);
        var head = new BookHead(3, chain[2].Hash, chain[2].CreatedAt);
        chain[2] = ChainBuilder.Seal(chain[2] with { Amount = chain[2].Amount with { Minor = 1 } });

        Assert.Null(HashChain.FirstBrokenIndex(chain));
        Assert.NotEqual(head.LastHash, chain[^1].Hash);
    }

    [Fact]
    public void A_first_entry_not_starting_from_genesis_is_broken()
    {
        var chain = ChainBuilder.Chain(2);

        Assert.Equal(0, HashChain.FirstBrokenIndex(chain, startHash: chain[1].Hash));
        Assert.Equal(0, HashChain.FirstBrokenIndex([ChainBuilder.Entry(0, previousHash: new string('1', 64))]));
    }

    [Fact]
    public void A_page_from_the_middle_verifies_from_the_hash_before_it()
    {
        var chain = ChainBuilder.Chain(4);

        Assert.Null(HashChain.FirstBrokenIndex(chain[2..], startHash: chain[1].Hash));
        Assert.Equal(0, HashChain.FirstBrokenIndex(chain[2..]));
    }

    [Fact]
    public void Hashes_are_compared_exactly()
    {
        var chain = ChainBuilder.Chain(2);
        chain[1] = chain[1] with { Hash = chain[1].Hash.ToUpperInvariant() };

        Assert.Equal(1, HashChain.FirstBrokenIndex(chain));
    }
}
