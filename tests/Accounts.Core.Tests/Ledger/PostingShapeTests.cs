using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Ledger;

/// <summary>docs/LEDGER.md, "Posting": a posting's balance change agrees with its direction and status.</summary>
public class PostingShapeTests
{
    private const long Held = 1_000;
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly LedgerService _ledger;

    public PostingShapeTests() => _ledger = new LedgerService(_store, new ManualClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)));

    private static Posting Post(string reference, Direction direction, EntryStatus status, long minor, long posted, long pending,
        long reserved = 0, EntryType type = EntryType.Deposit) =>
        new(reference, "acct-1", type, direction, status, new Money.Money(minor, Sgd), new BalanceDelta(posted, pending, reserved), reference);

    [Theory]
    [InlineData(Direction.Credit, EntryStatus.Settled, 100, -100, 0, 0, "settled credit")] // a credit never lowers posted
    [InlineData(Direction.Credit, EntryStatus.Pending, 100, 0, -100, 0, "pending credit")] // nor pending
    [InlineData(Direction.Debit, EntryStatus.Settled, 100, 100, 0, 0, "settled debit")] // a debit never raises posted
    [InlineData(Direction.Debit, EntryStatus.Settled, 100, -100, 100, 0, "settled debit")] // nor pending
    [InlineData(Direction.Credit, EntryStatus.Pending, 100, 100, 0, 0, "pending credit")] // pending moves only pending
    [InlineData(Direction.Credit, EntryStatus.Pending, 100, 100, 100, 0, "pending credit")]
    [InlineData(Direction.Credit, EntryStatus.Settled, 100, 0, 100, 0, "settled credit")] // settled moves posted
    [InlineData(Direction.Credit, EntryStatus.Settled, 100, 50, 0, 0, "settled credit")] // by exactly its amount
    [InlineData(Direction.Credit, EntryStatus.Failed, 100, 100, 0, 0, "failed credit")] // failed moves no money
    [InlineData(Direction.Credit, EntryStatus.Failed, 100, 0, 100, 0, "failed credit")] // except releasing pending
    [InlineData(Direction.Debit, EntryStatus.Failed, 100, -100, 0, 0, "failed debit")]
    [InlineData(Direction.Debit, EntryStatus.Pending, 100, 0, -100, 0, "cannot have status Pending")]
    [InlineData(Direction.Credit, EntryStatus.Reversed, 100, 0, 0, 0, "cannot have status Reversed")]
    [InlineData(Direction.Credit, EntryStatus.Settled, 100, 100, 0, 100, "reserve")]
    [InlineData(Direction.Credit, EntryStatus.Settled, -100, -100, 0, 0, "never negative")]
    public async Task A_posting_whose_change_disagrees_with_its_direction_and_status_is_refused_and_writes_nothing(
        Direction direction, EntryStatus status, long minor, long posted, long pending, long reserved, string says)
    {
        await _ledger.PostAsync("book", Post("held", Direction.Credit, EntryStatus.Pending, Held, 0, Held), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _ledger.PostAsync("book", Post("bad", direction, status, minor, posted, pending, reserved), CancellationToken.None));

        Assert.Equal((ErrorKind.Validation, "delta"), (error.Kind, error.Field));
        Assert.Contains("posting 'bad' is refused", error.Message);
        Assert.Contains(says, error.Message);
        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal((0L, Held, 0L), (balance.Posted, balance.Pending, balance.Reserved));
        Assert.Equal("held", Assert.Single(await _store.QueryEntriesAsync("book", new EntryQuery(), CancellationToken.None)).Reference);
    }

    [Fact]
    public async Task Every_shape_the_ledger_makes_is_accepted()
    {
        Posting[] shapes =
        [
            Post("pending", Direction.Credit, EntryStatus.Pending, Held, 0, Held),
            Post("settled-releasing", Direction.Credit, EntryStatus.Settled, 700, 700, -Held), // settles a different amount
            Post("settled-direct", Direction.Credit, EntryStatus.Settled, 300, 300, 0),
            Post("pending-2", Direction.Credit, EntryStatus.Pending, 40, 0, 40),
            Post("refused-releasing", Direction.Credit, EntryStatus.Failed, 40, 0, -40),
            Post("refused", Direction.Credit, EntryStatus.Failed, 55, 0, 0),
            Post("reversal", Direction.Debit, EntryStatus.Settled, 300, -300, 0, type: EntryType.Reversal),
            Post("reversal-not-applied", Direction.Debit, EntryStatus.Failed, 300, 0, 0, type: EntryType.Reversal),
            Post("closure", Direction.Debit, EntryStatus.Settled, 0, 0, 0, type: EntryType.Closure),
        ];

        foreach (var posting in shapes)
        {
            Assert.True((await _ledger.PostAsync("book", posting, CancellationToken.None)).Applied, posting.Reference);
        }

        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal((700L, 0L, 0L), (balance.Posted, balance.Pending, balance.Reserved));
    }

    [Fact]
    public void A_refused_posting_is_refused_alone_and_the_rest_of_its_batch_commits()
    {
        var snapshot = new BookSnapshot("book", BookHead.Empty, null, new Dictionary<string, BookBalance>(),
            new Dictionary<string, ReferenceRecord>());
        var bad = Post("bad", Direction.Debit, EntryStatus.Settled, 100, 100, 0);
        var good = Post("good", Direction.Credit, EntryStatus.Settled, 100, 100, 0);

        var plan = CommitPlan.Build(snapshot, [new PostingIntent(bad), new PostingIntent(good)], DateTimeOffset.UnixEpoch,
            new Dictionary<string, LedgerEntry>());

        Assert.Equal(ErrorKind.Validation, Assert.IsType<DomainException>(plan.Outcomes[0].Error).Kind);
        Assert.True(plan.Outcomes[1].Result!.Applied);
        Assert.Equal("good", Assert.Single(plan.Commit.Entries).Reference);
        Assert.Equal(1, plan.Commit.Head.Sequence);
        Assert.Equal(100, Assert.Single(plan.Commit.Balances).Posted);
    }
}
