using Accounts.Core.Ledger;

namespace Accounts.Core.Deposits;

/// <summary>An entry with the status a customer sees for it now (a reversed deposit shows Reversed).</summary>
public sealed record Transaction(LedgerEntry Entry, EntryStatus Status)
{
    /// <summary>
    /// The reference a customer knows an entry by: for a deposit's entries (every step, and its reversal) the
    /// provider's deposit reference, not the ledger's internal one per step ("dep:{reference}:settled"); for any
    /// other entry its own reference.
    /// </summary>
    public static string ReferenceOf(LedgerEntry entry) =>
        DepositReferences.TryParse(entry.Reference, out var reference, out _) ? reference : entry.Reference;
}
