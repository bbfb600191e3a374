namespace Accounts.Core.Ledger;

/// <summary>
/// What a book's balance can hold, in one place. Every bucket (posted, pending, reserved and available) stays within
/// ±<see cref="MaxBalanceMinor"/> minor units, far below <see cref="long.MaxValue"/> (about 9.2 × 10^18): a balance
/// can then never overflow, and sums of up to about 900 such balances still fit a long (roll-ups use
/// <see cref="Int128"/> anyway, so no count of accounts can make a sum throw).
/// </summary>
public static class LedgerLimits
{
    /// <summary>10^16 minor units: 100,000,000,000,000.00 in a two-decimal currency.</summary>
    public const long MaxBalanceMinor = 10_000_000_000_000_000;

    /// <summary>
    /// True when applying <paramref name="delta"/> would take a bucket of <paramref name="balance"/> (null: an empty
    /// balance) past the limit. Only a move away from zero counts, so a debit may still bring a balance that is over
    /// the limit (written before the limit existed) back down. Computed in <see cref="Int128"/>: it never throws.
    /// </summary>
    public static bool WouldPass(BookBalance? balance, BalanceDelta delta)
    {
        Int128 posted = balance?.Posted ?? 0, pending = balance?.Pending ?? 0, reserved = balance?.Reserved ?? 0;
        return Passes(posted, delta.Posted)
            || Passes(pending, delta.Pending)
            || Passes(reserved, delta.Reserved)
            || Passes(posted - reserved, (Int128)delta.Posted - delta.Reserved);
    }

    private static bool Passes(Int128 before, Int128 change)
    {
        var after = before + change;
        return Int128.Abs(after) > MaxBalanceMinor && Int128.Abs(after) > Int128.Abs(before);
    }
}
