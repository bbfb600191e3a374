namespace Accounts.Core.NubanAccounts;

/// <summary>
/// A dynamic account's payment state, derived from its book rather than stored beside it: the amount paid is the
/// posted balance (settled deposits less reversals), so a replayed deposit counts once and a reversal is undone by
/// the same entries that move the money.
/// </summary>
public static class DynamicPayments
{
    public static PaymentStatus StatusFor(long paidMinor, long expectedMinor) => paidMinor switch
    {
        <= 0 => PaymentStatus.Pending,
        _ when paidMinor < expectedMinor => PaymentStatus.PartiallyPaid,
        _ when paidMinor == expectedMinor => PaymentStatus.Paid,
        _ => PaymentStatus.Overpaid,
    };
}

/// <summary>How far a dynamic account's expected amount has been paid.</summary>
public enum PaymentStatus
{
    /// <summary>Nothing received yet.</summary>
    Pending,
    PartiallyPaid,
    Paid,
    Overpaid,
}
