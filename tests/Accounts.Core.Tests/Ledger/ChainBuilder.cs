using Accounts.Core.Ledger;
using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Ledger;

/// <summary>Builds correctly chained entries for tests, the way the ledger service is meant to.</summary>
internal static class ChainBuilder
{
    public static readonly Currency Usd = Currency.Parse("USD", "currency");

    private static readonly DateTimeOffset Start = new(2025, 4, 9, 10, 12, 37, TimeSpan.Zero);

    public static LedgerEntry Entry(int index, string previousHash = BookHead.GenesisHash) =>
        Seal(new LedgerEntry(
            Id: $"entry-{index}",
            BookId: "book-1",
            Sequence: index + 1,
            AccountId: "account-1",
            Reference: $"ref-{index}",
            Type: EntryType.Deposit,
            Direction: Direction.Credit,
            Status: EntryStatus.Settled,
            Amount: new MoneyValue(100_000 + index, Usd),
            FeeMinor: 0,
            Delta: BalanceDelta.SettledCredit(100_000 + index),
            PostedAfter: 100_000 * (index + 1),
            AvailableAfter: 100_000 * (index + 1),
            Description: $"Deposit {index}",
            ParentEntryId: null,
            Counterparty: null,
            CreatedAt: Start.AddMinutes(index),
            PreviousHash: previousHash,
            Hash: string.Empty));

    public static LedgerEntry Seal(LedgerEntry entry) => entry with { Hash = HashChain.Compute(entry) };

    public static List<LedgerEntry> Chain(int count)
    {
        var chain = new List<LedgerEntry>();
        for (var i = 0; i < count; i++)
        {
            chain.Add(Entry(i, i == 0 ? BookHead.GenesisHash : chain[i - 1].Hash));
        }

        return chain;
    }
}
