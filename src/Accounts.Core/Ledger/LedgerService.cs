using Accounts.Core.Batching;

namespace Accounts.Core.Ledger;

/// <summary>
/// Posts entries to books, idempotently by reference. Postings to the same book that wait together are applied in
/// one atomic commit (group commit); a commit that loses a race with another process is rebuilt from fresh state.
/// A commit starts from what this instance last knew of the book (<see cref="BookViews"/>), so a book it alone
/// writes costs one storage request per commit; the commit's version check makes that safe.
/// </summary>
public sealed class LedgerService
{
    /// <summary>
    /// Intents per commit. Each posts at most one entry, one reference row and one group marker; the head, the
    /// sequence index (two rows at most) and the balance rows touched share the rest of Table Storage's 100-entity
    /// transaction limit (room for 13 currencies in one commit; a batch in more is committed in parts).
    /// </summary>
    public const int MaxBatch = 28;

    /// <summary>
    /// Rows one commit may write: Table Storage's limit of entities in one entity-group transaction. A batch whose
    /// commit would write more (postings in more currencies than the room left) is committed in parts.
    /// </summary>
    public const int MaxRowsPerCommit = 100;

    private const int MaxAttempts = 100;

    private readonly ILedgerStore store;
    private readonly TimeProvider clock;
    private readonly ICommitJournal? journal;
    private readonly BookViews views;
    private readonly GroupCommit<string, ILedgerIntent, IntentResult> _books;

    public LedgerService(ILedgerStore store, TimeProvider clock, ICommitJournal? journal = null)
    {
        this.store = store;
        this.clock = clock;
        this.journal = journal;
        views = new BookViews(store, clock);
        _books = new GroupCommit<string, ILedgerIntent, IntentResult>(MaxBatch, CommitAsync, StringComparer.Ordinal);
    }

    public async Task<PostResult> PostAsync(string bookId, Posting posting, CancellationToken ct)
    {
        var result = await ApplyAsync(bookId, new PostingIntent(posting), ct);
        return new PostResult(result.Entry!, result.Applied);
    }

    /// <summary>Lets <paramref name="intent"/> decide on the book's current entries and commits what it decides.</summary>
    /// <remarks>
    /// Intents for one book that wait together are decided and committed as one batch; the commit finishes even if
    /// this caller stops waiting, because other callers' intents ride in it.
    /// </remarks>
    public Task<IntentResult> ApplyAsync(string bookId, ILedgerIntent intent, CancellationToken ct) =>
        _books.SubmitAsync(bookId, intent, ct);

    /// <summary>Starts a zero balance in <paramref name="currency"/> unless the book already holds one (idempotent).</summary>
    public Task OpenBalanceAsync(string bookId, Money.Currency currency, CancellationToken ct) =>
        ApplyAsync(bookId, new OpenBalanceIntent(currency), ct);

    public Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct) =>
        store.GetBalancesAsync(bookId, ct);

    public Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct) =>
        store.QueryEntriesAsync(bookId, query, ct);

    private async Task CommitAsync(string bookId, IReadOnlyList<GroupMember<ILedgerIntent, IntentResult>> batch)
    {
        // A batch whose commit would pass the transaction's row limit (postings in many currencies each touch their own
        // balance row) goes in parts, each its own commit.
        for (var done = 0; done < batch.Count;)
        {
            done += await CommitPartAsync(bookId, batch.Skip(done).ToList());
        }
    }

    /// <summary>Commits the longest first part of <paramref name="members"/> that fits one commit, and completes it.</summary>
    /// <returns>How many members it completed (at least one).</returns>
    private async Task<int> CommitPartAsync(string bookId, IReadOnlyList<GroupMember<ILedgerIntent, IntentResult>> members)
    {
        var intents = members.Select(p => p.Item).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var view = await views.ViewAsync(bookId, intents, firstAttempt: attempt == 1);
            var (part, plan, commit) = Fitting(view, intents);
            if (!plan.HasChanges && view.Assumed)
            {
                // Decided on what no commit will confirm: decide again on what storage says.
                continue;
            }

            // What must follow the commit (notifications) is recorded before the write and confirmed after it, so a
            // crash in between loses none.
            var journalToken = commit.Entries.Count > 0 && journal is not null
                ? await journal.BeforeCommitAsync(bookId, commit.Entries, CancellationToken.None)
                : null;
            var receipt = plan.HasChanges ? await store.TryCommitAsync(view.Snapshot, commit, CancellationToken.None) : null;
            if (!plan.HasChanges || receipt is not null)
            {
                if (receipt is not null)
                {
                    views.Committed(view, commit, receipt);
                }
                else
                {
                    views.Read(view);
                }

                if (commit.Entries.Count > 0)
                {
                    journal?.Committed(bookId, commit.Entries, journalToken);
                }

                for (var i = 0; i < part; i++)
                {
                    var outcome = plan.Outcomes[i];
                    if (outcome.Error is not null)
                    {
                        members[i].Fail(outcome.Error);
                    }
                    else
                    {
                        members[i].Complete(outcome.Result!);
                    }
                }

                return part;
            }

            views.Forget(bookId);
            journal?.Abandoned(bookId, journalToken);
            if (attempt == MaxAttempts)
            {
                throw new TimeoutException($"Book {bookId} stayed contended for {MaxAttempts} commit attempts");
            }

            if (!view.Assumed)
            {
                // Lost a race on fresh state: back off before trying again. A guess that proved stale is retried at once.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + Math.Min(attempt, 20) * 10)));
            }
        }
    }

    /// <summary>The plan of the longest first part of <paramref name="intents"/> whose commit stays within <see cref="MaxRowsPerCommit"/>.</summary>
    private (int Part, CommitPlan Plan, BookCommit Commit) Fitting(BookView view, List<ILedgerIntent> intents)
    {
        for (var part = intents.Count; ; part = (part + 1) / 2)
        {
            var taken = intents.Take(part).ToList();
            var plan = CommitPlan.Build(view.Snapshot, taken, clock.GetUtcNow(), view.Earlier);
            var groups = taken.Select(i => i.Group?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var commit = plan.Commit with { Groups = view.NewGroups.Where(groups.Contains).ToList(), KeepsGroups = view.Snapshot.CommitKeepsGroups };
            if (part == 1 || Rows(commit) <= MaxRowsPerCommit)
            {
                return (part, plan, commit);
            }
        }
    }

    // The head, the balances, entries, references and markers, and the sequence index: at most two rows, since a commit
    // of up to MaxBatch entries spans at most two of its blocks.
    private static int Rows(BookCommit commit) =>
        1 + commit.Balances.Count + commit.Entries.Count + commit.References.Count + commit.Groups.Count + 2;
}

/// <summary>The entry a posting produced. <see cref="Applied"/> is false when the reference had been posted before.</summary>
public sealed record PostResult(LedgerEntry Entry, bool Applied);

/// <summary>
/// The outcome of an intent: <see cref="Applied"/> when it added <see cref="Entry"/>; otherwise <see cref="Entry"/> is
/// the entry that already covered it (a replay) or null, and <see cref="Reason"/> says why nothing changed.
/// </summary>
public sealed record IntentResult(LedgerEntry? Entry, bool Applied, string? Reason = null);
