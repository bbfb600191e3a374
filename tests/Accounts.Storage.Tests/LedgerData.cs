using Accounts.Core.Ledger;
using Accounts.Core.Money;

namespace Accounts.Storage.Tests;

/// <summary>Builds entries and commits the way the core does, with values chosen to expose mapping mistakes.</summary>
internal static class LedgerData
{
    /// <summary>A window read as the pager reads one: the book's head, then the window as of it.</summary>
    public static async Task<SequenceWindow?> WindowAsync(this IBookSequence index, string bookId, long from, long to, CancellationToken ct) =>
        await (await index.AtHeadAsync(bookId, ct)).ReadAsync(from, to, ct);

    public static readonly Currency Usd = Get("USD");
    public static readonly Currency Jpy = Get("JPY");
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));

    public static string NewBookId() => "book-" + Guid.NewGuid().ToString("N");

    public static LedgerEntry Entry(string bookId, long sequence, DateTimeOffset at, string reference, long minor, Currency? currency = null) =>
        new(
            Id: "e-" + Guid.NewGuid().ToString("N"),
            BookId: bookId,
            Sequence: sequence,
            AccountId: "acc-1",
            Reference: reference,
            Type: EntryType.Deposit,
            Direction: Direction.Credit,
            Status: EntryStatus.Settled,
            Amount: new Money(minor, currency ?? Usd),
            FeeMinor: 7,
            Delta: BalanceDelta.SettledCredit(minor),
            PostedAfter: minor * sequence,
            AvailableAfter: minor * sequence - 3,
            Description: $"deposit {sequence}",
            ParentEntryId: null,
            Counterparty: sequence % 2 == 0 ? "ACME Ltd" : null,
            CreatedAt: at.AddTicks(sequence),
            PreviousHash: $"hash-{sequence - 1}",
            Hash: $"hash-{sequence}");

    /// <summary>Credits <paramref name="minor"/> in one entry on top of <paramref name="basis"/>.</summary>
    public static BookCommit Credit(BookSnapshot basis, string reference, long minor, DateTimeOffset at, Currency? currency = null)
    {
        var ccy = currency ?? Usd;
        var sequence = basis.Head.Sequence + 1;
        var entry = Entry(basis.BookId, sequence, at, reference, minor, ccy);
        var balance = basis.Balances.GetValueOrDefault(ccy.Code) ?? new BookBalance(basis.BookId, ccy, 0, 0, 0);
        return new BookCommit(
            new BookHead(sequence, entry.Hash, entry.CreatedAt),
            [balance.Apply(entry.Delta)],
            [entry],
            [new ReferenceRecord(reference, entry.Id, $"fp-{reference}")]);
    }

    /// <summary>Entries 1..count of a book, one per minute from <see cref="T0"/>, as a single commit.</summary>
    public static BookCommit Many(BookSnapshot basis, int count, long firstSequence = 1, DateTimeOffset? start = null)
    {
        var at = start ?? T0;
        var entries = Enumerable.Range(0, count)
            .Select(i => Entry(basis.BookId, firstSequence + i, at.AddMinutes(i), $"r{firstSequence + i}", 100))
            .ToList();
        var last = entries[^1];
        var balance = (basis.Balances.GetValueOrDefault("USD") ?? new BookBalance(basis.BookId, Usd, 0, 0, 0))
            .Apply(new BalanceDelta(100 * count, 0, 0));
        return new BookCommit(new BookHead(last.Sequence, last.Hash, last.CreatedAt), [balance], entries, []);
    }

    private static Currency Get(string code) => Currency.TryGet(code, out var c) ? c : throw new InvalidOperationException(code);
}
