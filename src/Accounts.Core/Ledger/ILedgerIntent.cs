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

    /// <param name="known">Reference → entry, for the named references already in the book.</param>
    /// <param name="balances">The book's balances by currency code, as of this point in the commit.</param>
    LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances);
}
