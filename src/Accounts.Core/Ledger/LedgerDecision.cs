namespace Accounts.Core.Ledger;

/// <summary>What an <see cref="ILedgerIntent"/> decided: post one entry, or leave the book as it is and say why.</summary>
public abstract record LedgerDecision
{
    private LedgerDecision()
    {
    }

    /// <summary>Post this entry; if its reference is already in the book it is a replay (same fields) or a conflict.</summary>
    public sealed record Post(Posting Posting) : LedgerDecision;

    /// <summary>
    /// Change nothing. <paramref name="Existing"/> is the entry that already covers the intent (a replay, which needs
    /// no <paramref name="Reason"/>), if any.
    /// </summary>
    public sealed record Skip(string? Reason, LedgerEntry? Existing = null) : LedgerDecision;
}
