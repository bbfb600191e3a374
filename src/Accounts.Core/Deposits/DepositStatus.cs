namespace Accounts.Core.Deposits;

/// <summary>
/// Where an accepted event stands. Received: queued, not yet processed. Applied: its ledger effect exists.
/// Ignored: valid but changes nothing (a late pending, a reversal of an unsettled deposit). Rejected: refused for a
/// reason (unknown, closed, blocked or expired account, wrong currency, balance limit reached); refund due. DeadLettered: processing kept
/// failing; an operator must look.
/// </summary>
public enum DepositStatus
{
    Received,
    Applied,
    Ignored,
    Rejected,
    DeadLettered,
}
