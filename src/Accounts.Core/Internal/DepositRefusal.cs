namespace Accounts.Core.Internal;

/// <summary>Why an account may not receive a deposit now: a stable <see cref="Code"/> and a readable reason to record.</summary>
public sealed record DepositRefusal(string Code, string Reason)
{
    public const string AccountClosed = "ACCOUNT_CLOSED";
    public const string AccountBlocked = "ACCOUNT_BLOCKED";
    public const string AccountNotActive = "ACCOUNT_NOT_ACTIVE";
    public const string CurrencyMismatch = "CURRENCY_MISMATCH";
}
