namespace Accounts.Core.Notifications;

/// <summary>The event types a tenant can subscribe an endpoint to (the README's "Notifications" lists their payloads).</summary>
public static class NotificationTypes
{
    public const string DepositPending = "deposit.pending";
    public const string DepositSettled = "deposit.settled";
    public const string DepositRejected = "deposit.rejected";
    public const string DepositReversed = "deposit.reversed";
    public const string AccountCreated = "account.created";
    public const string AccountClosed = "account.closed";
    public const string AccountExpired = "account.expired";

    /// <summary>A dynamic NGN account's payment state changed to PAID, PARTIALLY_PAID or OVERPAID.</summary>
    public const string AccountPaid = "account.paid";
    public const string AccountPartiallyPaid = "account.partially_paid";
    public const string AccountOverpaid = "account.overpaid";

    public static readonly IReadOnlyList<string> All =
    [
        DepositPending, DepositSettled, DepositRejected, DepositReversed, AccountCreated, AccountClosed, AccountExpired,
        AccountPaid, AccountPartiallyPaid, AccountOverpaid,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
