using Accounts.Core.Errors;

namespace Accounts.Core.Ledger;

/// <summary>
/// Turns a snapshot of a book and a batch of postings into one commit: new entries chained to the head, balances
/// moved by each entry's delta, one reference record per new entry. Replays of a known reference produce no entry;
/// a reference reused with different fields is refused for that posting alone.
/// </summary>
internal sealed class CommitPlan
{
    private CommitPlan(BookCommit commit, IReadOnlyList<Outcome> outcomes)
    {
        Commit = commit;
        Outcomes = outcomes;
    }

    public BookCommit Commit { get; }

    /// <summary>One per posting, in order: either the entry (new or earlier) or the error refusing it.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    public bool HasChanges => Commit.Entries.Count > 0;

    public static CommitPlan Build(BookSnapshot snapshot, IReadOnlyList<Posting> postings, DateTimeOffset now,
        Func<string, LedgerEntry?> findEarlier)
    {
        var head = snapshot.Head;
        var balances = new Dictionary<string, BookBalance>(snapshot.Balances, StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<LedgerEntry>();
        var references = new List<ReferenceRecord>();
        var outcomes = new List<Outcome>();
        var batch = new Dictionary<string, (Posting Posting, LedgerEntry Entry)>(StringComparer.Ordinal);

        foreach (var posting in postings)
        {
            if (batch.TryGetValue(posting.Reference, out var sameBatch))
            {
                outcomes.Add(Replay(posting, sameBatch.Posting.Fingerprint, sameBatch.Entry));
                continue;
            }

            if (snapshot.References.TryGetValue(posting.Reference, out var known))
            {
                var earlier = findEarlier(known.EntryId)
                    ?? throw new InvalidOperationException($"Reference {posting.Reference} points at missing entry {known.EntryId}");
                outcomes.Add(Replay(posting, known.Fingerprint, earlier));
                continue;
            }

            var code = posting.Currency.Code;
            var balance = (balances.TryGetValue(code, out var existing) ? existing : new BookBalance(snapshot.BookId, posting.Currency, 0, 0, 0))
                .Apply(posting.Delta);
            var createdAt = now > head.LastTime ? now : head.LastTime.AddTicks(1);
            var entry = NewEntry(snapshot.BookId, head, posting, balance, createdAt);
            head = new BookHead(entry.Sequence, entry.Hash, createdAt);
            balances[code] = balance;
            touched.Add(code);
            entries.Add(entry);
            references.Add(new ReferenceRecord(posting.Reference, entry.Id, posting.Fingerprint));
            batch[posting.Reference] = (posting, entry);
            outcomes.Add(new Outcome(new PostResult(entry, Applied: true), null));
        }

        var commit = new BookCommit(head, touched.Select(c => balances[c]).ToList(), entries, references);
        return new CommitPlan(commit, outcomes);
    }

    private static Outcome Replay(Posting posting, string fingerprint, LedgerEntry earlier) =>
        fingerprint == posting.Fingerprint
            ? new Outcome(new PostResult(earlier, Applied: false), null)
            : new Outcome(null, DomainException.Conflict(
                $"reference '{posting.Reference}' was already used for a different posting"));

    private static LedgerEntry NewEntry(string bookId, BookHead head, Posting posting, BookBalance after, DateTimeOffset createdAt)
    {
        var unsigned = new LedgerEntry(
            Guid.CreateVersion7(createdAt).ToString(), bookId, head.Sequence + 1, posting.AccountId, posting.Reference,
            posting.Type, posting.Direction, posting.Status, posting.Amount, posting.FeeMinor, posting.Delta,
            after.Posted, after.Available, posting.Description, posting.ParentEntryId, posting.Counterparty, createdAt,
            head.LastHash, Hash: string.Empty);
        return unsigned with { Hash = HashChain.Compute(unsigned) };
    }

    /// <summary>Either <see cref="Result"/> or <see cref="Error"/> is set.</summary>
    public sealed record Outcome(PostResult? Result, Exception? Error);
}
