using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Kyc;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Kyc;

/// <summary>Pages read by sequence show exactly the lines the whole book shows, for any mix and order of deposit events.</summary>
public sealed class TransactionPagerTests
{
    private const string Book = "book";
    private static readonly Currency Zar = new("ZAR", 2);
    private readonly InMemoryLedgerStore _store = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    [InlineData(4, 100)]
    public async Task Pages_concatenated_equal_the_whole_book_for_random_deposit_lifecycles(int seed, int limit)
    {
        var ledger = new LedgerService(_store, new ManualClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)));
        var random = new Random(seed);
        var types = Enum.GetValues<DepositEventType>();
        for (var i = 0; i < 260; i++)
        {
            var deposit = new DepositEvent("tenant", types[random.Next(types.Length)], $"d-{random.Next(90)}", "123",
                new Money.Money(100 + random.Next(5), Zar), null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
            await ledger.ApplyAsync(Book, new DepositIntent(deposit, "acct-1", null), CancellationToken.None);
        }

        var all = await _store.QueryEntriesAsync(Book, new EntryQuery(Take: int.MaxValue, OldestFirst: true), CancellationToken.None);
        var sequence = new StoreBookSequence(_store);
        var book = await sequence.AtHeadAsync(Book, CancellationToken.None);
        var pager = new TransactionPager(sequence);
        var paged = new List<EntityTransaction>();
        for (long? from = 1; from is { } next;)
        {
            var page = await pager.ReadAsync(Account(), book, next, limit, next - 1 + 2L * limit, CancellationToken.None);
            Assert.NotNull(page);
            Assert.True(page.Transactions.Count <= limit);
            paged.AddRange(page.Transactions);
            from = page.Next;
        }

        Assert.True(all.Count > 100, "the book crosses a checkpoint");
        Assert.Equal(TransactionBook.Build(all, book.Head), paged);
    }

    private static Account Account() => new()
    {
        Id = "acct-1", TenantId = "tenant", Kind = AccountKind.Entity, HolderId = "entity", AccountNumber = "123",
        InstitutionCode = "", Currency = "ZAR", Country = "ZAF", Type = "personal", Status = AccountStatus.Active, BookId = Book,
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The sequence index as the table store keeps it, computed from a store's entries and reference records.</summary>
    private sealed class StoreBookSequence(ILedgerStore store) : IBookSequence
    {
        public async Task<IBookAtHead> AtHeadAsync(string bookId, CancellationToken ct) =>
            new StoreBookAtHead(store, bookId, (await store.ReadAsync(bookId, [], ct)).Head);

        public async Task<ReferencedEntry?> FindByReferenceAsync(string bookId, string reference, CancellationToken ct) =>
            (await store.ReadAsync(bookId, [reference], ct)).References.GetValueOrDefault(reference) is { } record
                ? new ReferencedEntry(reference, record.EntryId, await store.FindEntryAsync(bookId, record.EntryId, ct))
                : null;

        public Task BackfillAsync(string bookId, IReadOnlyList<LedgerEntry> verified, CancellationToken ct) =>
            throw new InvalidOperationException("an indexed book is never backfilled");
    }

    private sealed class StoreBookAtHead(ILedgerStore store, string bookId, BookHead head) : IBookAtHead
    {
        public BookHead Head => head;

        public async Task<SequenceWindow?> ReadAsync(long from, long to, CancellationToken ct)
        {
            var all = await store.QueryEntriesAsync(bookId, new EntryQuery(Take: int.MaxValue, OldestFirst: true), ct);
            var checkpoints = all.Where(e => e.Sequence % ChainCheckpoints.Interval == 0).ToDictionary(e => e.Sequence, e => e.Hash);
            return new SequenceWindow(all.Where(e => e.Sequence >= from && e.Sequence <= to).ToList(), checkpoints);
        }
    }
}
