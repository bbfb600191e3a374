namespace Accounts.Core.Deposits;

/// <summary>
/// Ledger references of a deposit's entries: one per lifecycle step, so each step is applied at most once per book.
/// </summary>
internal static class DepositReferences
{
    public static string Pending(string reference) => $"dep:{reference}:pending";

    public static string Settled(string reference) => $"dep:{reference}:settled";

    public static string Rejected(string reference) => $"dep:{reference}:rejected";

    public static string Reversed(string reference) => $"dep:{reference}:reversed";

    /// <summary>The group of a deposit's steps (see <see cref="Ledger.ReferenceGroup"/>).</summary>
    public static string Group(string reference) => $"dep:{reference}";

    /// <summary>Splits "dep:{reference}:{step}" into the deposit reference and the step; false for other entries.</summary>
    public static bool TryParse(string ledgerReference, out string reference, out string step)
    {
        reference = step = string.Empty;
        if (!ledgerReference.StartsWith("dep:", StringComparison.Ordinal) || ledgerReference.LastIndexOf(':') is var colon && colon <= 4)
        {
            return false;
        }

        reference = ledgerReference[4..colon];
        step = ledgerReference[(colon + 1)..];
        return true;
    }

    public static IReadOnlyCollection<string> All(string reference) =>
        [Pending(reference), Settled(reference), Rejected(reference), Reversed(reference)];
}
