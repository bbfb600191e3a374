namespace Accounts.Core.Ledger;

/// <summary>
/// A change to a book that depends on what the book already holds: inside the commit, it sees the entries of the
/// references it names (those that exist) and decides. Because the decision is made on the same snapshot the commit
/// is checked against, two racing intents can never both act on a stale view.
/// </summary>
public interface ILedgerIntent
{
    /// <summary>The references whose entries <see cref="Decide"/> needs to see.</summary>
    IReadOnlyCollection<string> References { get; }

    /// <summary>
    /// The references of <see cref="References"/> that belong to this intent's group, if it has one (a deposit's
    /// lifecycle steps); see <see cref="ReferenceGroup"/>.
    /// </summary>
    ReferenceGroup? Group => null;

    /// <param name="known">Reference → entry, for the named references already in the book.</param>
    /// <param name="balances">The book's balances by currency code, as of this point in the commit.</param>
    LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances);
}

/// <summary>
/// References that only ever appear together in one group (the steps of one deposit). In a book that keeps group
/// markers (<see cref="BookSnapshot.KeepsGroups"/>) every commit carrying an intent of the group inserts the group's
/// marker row unless it is known to be there, so a group without a marker has none of its references in the book. The
/// ledger then decides an intent on that without reading the members, and inserts the marker in the same commit: if
/// the marker was there after all, the insert fails the whole commit and the batch is decided again on what is read.
/// </summary>
public sealed record ReferenceGroup(string Name, IReadOnlyCollection<string> Members);

/// <summary>
/// What an <see cref="ILedgerIntent"/> decided: post one entry, open a zero balance, or leave the book as it is and say why.
/// </summary>
public abstract record LedgerDecision
{
    private LedgerDecision()
    {
    }

    /// <summary>Post this entry; if its reference is already in the book it is a replay (same fields) or a conflict.</summary>
    public sealed record Post(Posting Posting) : LedgerDecision;

    /// <summary>
    /// Start a zero balance in <paramref name="Currency"/> unless the book has one: no entry, so the hash chain and the
    /// head's sequence stay as they are.
    /// </summary>
    public sealed record OpenBalance(Money.Currency Currency) : LedgerDecision;

    /// <summary>
    /// Change nothing. <paramref name="Existing"/> is the entry that already covers the intent (a replay, which needs
    /// no <paramref name="Reason"/>), if any.
    /// </summary>
    public sealed record Skip(string? Reason, LedgerEntry? Existing = null) : LedgerDecision;
}

/// <summary>The plain case: post this entry unless its reference is already in the book.</summary>
internal sealed class PostingIntent(Posting posting) : ILedgerIntent
{
    public IReadOnlyCollection<string> References { get; } = [posting.Reference];

    public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances) =>
        new LedgerDecision.Post(posting);
}

/// <summary>Opens a zero balance in a currency the book does not hold yet (a wallet lists every currency it has an account in).</summary>
internal sealed class OpenBalanceIntent(Money.Currency currency) : ILedgerIntent
{
    public IReadOnlyCollection<string> References { get; } = [];

    public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances) =>
        balances.ContainsKey(currency.Code) ? new LedgerDecision.Skip($"the book already holds {currency.Code}") : new LedgerDecision.OpenBalance(currency);
}
