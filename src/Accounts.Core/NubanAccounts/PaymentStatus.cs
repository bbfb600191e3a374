namespace Accounts.Core.NubanAccounts;

/// <summary>How far a dynamic account's expected amount has been paid.</summary>
public enum PaymentStatus
{
    /// <summary>Nothing received yet.</summary>
    Pending,
    PartiallyPaid,
    Paid,
    Overpaid,
}
