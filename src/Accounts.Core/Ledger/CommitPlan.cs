using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Ledger;

/// <summary>
/// Turns a snapshot of a book and a batch of intents into one commit: each intent decides on the entries it can
/// see (including those added earlier in the same batch); new entries are chained to the head, balances moved by
/// each entry's delta (which must agree with its direction and status, <see cref="PostingShape"/>), one reference record written per new entry. Replays of a known reference produce no entry;
/// a reference reused with different fields is refused for that intent alone.
/// </summary>
internal sealed class CommitPlan
{
    private readonly Dictionary<string, LedgerEntry> _known;
    private readonly Dictionary<string, string> _fingerprints;
    private readonly Dictionary<string, BookBalance> _balances;
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly List<LedgerEntry> _entries = [];
    private readonly List<ReferenceRecord> _references = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly string _bookId;
    private BookHead _head;

    private CommitPlan(BookSnapshot snapshot, IReadOnlyDictionary<string, LedgerEntry> earlier)
    {
        _bookId = snapshot.BookId;
        _head = snapshot.Head;
        _balances = new Dictionary<string, BookBalance>(snapshot.Balances, StringComparer.Ordinal);
        _known = snapshot.References.Values.ToDictionary(r => r.Reference, r => earlier.TryGetValue(r.EntryId, out var e)
            ? e
            : throw new InvalidOperationException($"Book {snapshot.BookId}: reference {r.Reference} points at missing entry {r.EntryId}"),
            StringComparer.Ordinal);
        _fingerprints = snapshot.References.Values.ToDictionary(r => r.Reference, r => r.Fingerprint, StringComparer.Ordinal);
    }

    /// <summary>One per intent, in order: either the result or the error refusing it.</summary>
    public IReadOnlyList<Outcome> Outcomes => _outcomes;

    public BookCommit Commit => new(_head, _touched.Select(c => _balances[c]).ToList(), _entries, _references);

    public bool HasChanges => _touched.Count > 0;

    /// <param name="earlier">Entries of the snapshot's references, by entry id.</param>
    public static CommitPlan Build(BookSnapshot snapshot, IReadOnlyList<ILedgerIntent> intents, DateTimeOffset now,
        IReadOnlyDictionary<string, LedgerEntry> earlier)
    {
        var plan = new CommitPlan(snapshot, earlier);
        foreach (var intent in intents)
        {
            var visible = intent.References.Where(plan._known.ContainsKey).Distinct(StringComparer.Ordinal)
                .ToDictionary(r => r, r => plan._known[r], StringComparer.Ordinal);
            plan._outcomes.Add(plan.Decide(intent, visible, now));
        }

        return plan;
    }

    /// <summary>
    /// One intent's outcome. A failure (say, a balance that would overflow) is that intent's alone: the others in the
    /// batch still commit. Nothing is changed before the point where an intent can fail.
    /// </summary>
    private Outcome Decide(ILedgerIntent intent, IReadOnlyDictionary<string, LedgerEntry> visible, DateTimeOffset now)
    {
        try
        {
            return intent.Decide(visible, _balances) switch
            {
                LedgerDecision.Post post => Add(post.Posting, now),
                LedgerDecision.OpenBalance open => Open(open.Currency),
                LedgerDecision.Skip skip => new Outcome(new IntentResult(skip.Existing, Applied: false, skip.Reason), null),
                _ => throw new InvalidOperationException("Unknown ledger decision"),
            };
        }
        catch (Exception ex)
        {
            return new Outcome(null, ex);
        }
    }

    private Outcome Add(Posting posting, DateTimeOffset now)
    {
        if (_known.TryGetValue(posting.Reference, out var earlier))
        {
            return _fingerprints[posting.Reference] == posting.Fingerprint
                ? new Outcome(new IntentResult(earlier, Applied: false), null)
                : new Outcome(null, DomainException.Conflict($"reference '{posting.Reference}' was already used for a different posting"));
        }

        var code = posting.Currency.Code;
        var current = _balances.GetValueOrDefault(code);
        if (PostingShape.Violation(posting, current) is { } violation)
        {
            // Checked before anything of the plan changes, so only this intent is refused; the batch still commits.
            return new Outcome(null, DomainException.Invalid("delta", $"posting '{posting.Reference}' is refused: {violation}"));
        }

        if (LedgerLimits.WouldPass(current, posting.Delta))
        {
            // Intents that credit decide this themselves (a deposit is refused with a reason); this guards the rest.
            return new Outcome(null, DomainException.Invalid("amount",
                $"the account's {code} balance would pass the ledger's limit of {LedgerLimits.MaxBalanceMinor} minor units"));
        }

        var balance = (current ?? new BookBalance(_bookId, posting.Currency, 0, 0, 0)).Apply(posting.Delta);
        var createdAt = now > _head.LastTime ? now : _head.LastTime.AddTicks(1);
        var entry = NewEntry(posting, balance, createdAt);
        _head = new BookHead(entry.Sequence, entry.Hash, createdAt);
        _balances[code] = balance;
        _touched.Add(code);
        _entries.Add(entry);
        _references.Add(new ReferenceRecord(posting.Reference, entry.Id, posting.Fingerprint));
        _known[posting.Reference] = entry;
        _fingerprints[posting.Reference] = posting.Fingerprint;
        return new Outcome(new IntentResult(entry, Applied: true), null);
    }

    private Outcome Open(Currency currency)
    {
        if (!_balances.ContainsKey(currency.Code))
        {
            _balances[currency.Code] = new BookBalance(_bookId, currency, 0, 0, 0);
            _touched.Add(currency.Code);
        }

        return new Outcome(new IntentResult(null, Applied: true), null);
    }

    private LedgerEntry NewEntry(Posting posting, BookBalance after, DateTimeOffset createdAt)
    {
        var unsigned = new LedgerEntry(
            Guid.CreateVersion7(createdAt).ToString(), _bookId, _head.Sequence + 1, posting.AccountId, posting.Reference,
            posting.Type, posting.Direction, posting.Status, posting.Amount, posting.FeeMinor, posting.Delta,
            after.Posted, after.Available, posting.Description, posting.ParentEntryId, posting.Counterparty, createdAt,
            _head.LastHash, Hash: string.Empty);
        return unsigned with { Hash = HashChain.Compute(unsigned) };
    }

    /// <summary>Either <see cref="Result"/> or <see cref="Error"/> is set.</summary>
    public sealed record Outcome(IntentResult? Result, Exception? Error);
}
