using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Notifications;

/// <summary>The ledger tells its journal about a commit before it is written, and whether it then landed.</summary>
public sealed class CommitJournalTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly RecordingJournal _journal;

    public CommitJournalTests() => _journal = new RecordingJournal(_store);

    [Fact]
    public async Task The_journal_records_a_commit_before_it_is_written_and_hears_when_it_landed()
    {
        var ledger = new LedgerService(_store, TimeProvider.System, _journal);

        var posted = await ledger.PostAsync("t1|acct|a", Credit("dep:r1:settled"), CancellationToken.None);

        var before = Assert.Single(_journal.Before);
        Assert.Equal(0, before.EntriesInBookThen); // nothing written yet when the journal recorded it
        Assert.Equal(posted.Entry.Id, Assert.Single(before.Entries).Id);
        Assert.Equal(["token-1"], _journal.Committed);
        Assert.Empty(_journal.Abandoned);
    }

    [Fact]
    public async Task A_commit_that_lost_a_race_is_abandoned_and_its_retry_recorded_anew()
    {
        _store.FailNextCommits = 1;
        var ledger = new LedgerService(_store, TimeProvider.System, _journal);

        await ledger.PostAsync("t1|acct|a", Credit("dep:r2:settled"), CancellationToken.None);

        Assert.Equal(2, _journal.Before.Count);
        Assert.Equal(["token-1"], _journal.Abandoned);
        Assert.Equal(["token-2"], _journal.Committed);
    }

    [Fact]
    public async Task A_replay_that_writes_nothing_is_not_journaled()
    {
        var ledger = new LedgerService(_store, TimeProvider.System, _journal);
        await ledger.PostAsync("t1|acct|a", Credit("dep:r3:settled"), CancellationToken.None);

        await ledger.PostAsync("t1|acct|a", Credit("dep:r3:settled"), CancellationToken.None);

        Assert.Single(_journal.Before);
    }

    private static Posting Credit(string reference) =>
        new(reference, "a", EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money.Money(100, Sgd), BalanceDelta.SettledCredit(100), "deposit");

    private sealed class RecordingJournal(InMemoryLedgerStore store) : ICommitJournal
    {
        public List<(IReadOnlyList<LedgerEntry> Entries, int EntriesInBookThen)> Before { get; } = [];

        public List<string> Committed { get; } = [];

        public List<string> Abandoned { get; } = [];

        public async Task<object?> BeforeCommitAsync(string bookId, IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
        {
            var inBook = await store.QueryEntriesAsync(bookId, new EntryQuery(Take: 100), ct);
            Before.Add((entries, inBook.Count));
            return $"token-{Before.Count}";
        }

        void ICommitJournal.Committed(string bookId, IReadOnlyList<LedgerEntry> entries, object? token) => Committed.Add((string)token!);

        void ICommitJournal.Abandoned(string bookId, object? token) => Abandoned.Add((string)token!);
    }
}
