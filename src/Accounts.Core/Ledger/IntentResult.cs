namespace Accounts.Core.Ledger;

/// <summary>
/// The outcome of an intent: <see cref="Applied"/> when it added <see cref="Entry"/>; otherwise <see cref="Entry"/> is
/// the entry that already covered it (a replay) or null, and <see cref="Reason"/> says why nothing changed.
/// </summary>
public sealed record IntentResult(LedgerEntry? Entry, bool Applied, string? Reason = null);
