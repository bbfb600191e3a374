using Accounts.Core.Ledger;

namespace Accounts.Core.Deposits;

/// <summary>
/// A book's entries as a customer sees its transactions: one line per deposit, in its latest state. A pending
/// entry disappears once the deposit settles or is rejected, and a settled deposit that was reversed shows as
/// Reversed (the reversal itself is its own debit line pointing at it). Closure markers are not transactions.
/// Other entries show as they are.
/// </summary>
public static class TransactionHistory
{
    public static IReadOnlyList<Transaction> Of(IReadOnlyList<LedgerEntry> entries)
    {
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        var reversed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (DepositReferences.TryParse(entry.Reference, out var reference, out var step) && step is "settled" or "rejected")
            {
                resolved.Add(reference);
            }

            if (entry.Type == EntryType.Reversal && entry.ParentEntryId is { } parent)
            {
                reversed.Add(parent);
            }
        }

        return entries
            .Where(e => e.Type != EntryType.Closure)
            .Where(e => !(DepositReferences.TryParse(e.Reference, out var reference, out var step) && step == "pending" && resolved.Contains(reference)))
            .Select(e => new Transaction(e, reversed.Contains(e.Id) ? EntryStatus.Reversed : e.Status))
            .ToList();
    }
}

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
