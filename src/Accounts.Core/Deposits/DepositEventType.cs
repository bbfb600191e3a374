namespace Accounts.Core.Deposits;

/// <summary>The four events of a deposit's life, per provider reference.</summary>
public enum DepositEventType
{
    Pending,
    Settled,
    Rejected,
    Reversed,
}
