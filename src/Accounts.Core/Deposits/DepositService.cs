using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Deposits;

/// <summary>
/// Applies deposit events to accounts of every dialect, found by account number. Never drops one: an event that
/// cannot be credited is answered with a recorded reason, and for a known account a failed entry (no balance
/// effect) records it in the account's history.
/// </summary>
public sealed class DepositService(IAccountStore accounts, LedgerService ledger, ReceivingRules rules,
    IEnumerable<IDepositListener> listeners)
{
    public async Task<DepositOutcome> ApplyAsync(DepositEvent deposit, CancellationToken ct)
    {
        var account = await accounts.FindByNumberAsync(deposit.TenantId, deposit.AccountNumber, ct);
        if (account is null)
        {
            return new DepositOutcome(DepositStatus.Rejected, $"unknown account number {deposit.AccountNumber}; refund due", null, null);
        }

        try
        {
            if (deposit.Type is DepositEventType.Pending or DepositEventType.Settled
                && rules.Refusal(account, deposit.Amount.Currency.Code) is { } refusal)
            {
                var refused = await ledger.PostAsync(account.BookId, RefusedPosting(deposit, account, refusal), ct);
                return new DepositOutcome(DepositStatus.Rejected, refusal, account.Id, refused.Entry.Id);
            }

            var result = await ledger.ApplyAsync(account.BookId, new DepositIntent(deposit, account.Id), ct);
            if (result.Entry is null)
            {
                return new DepositOutcome(DepositStatus.Ignored, result.Reason, account.Id, null);
            }

            if (deposit.Type == DepositEventType.Settled)
            {
                // Also on a replay: a crash may have come between the credit and a listener's own record of it.
                foreach (var listener in listeners)
                {
                    await listener.OnSettledAsync(account, deposit, ct);
                }
            }

            return new DepositOutcome(DepositStatus.Applied, null, account.Id, result.Entry.Id);
        }
        catch (DomainException ex) when (ex.Kind == ErrorKind.Conflict)
        {
            return new DepositOutcome(DepositStatus.Rejected, $"conflicts with an earlier event of this reference: {ex.Message}", account.Id, null);
        }
    }

    /// <summary>A record of a refused deposit: shown as failed where a dialect shows failed transactions, moves no money.</summary>
    private static Posting RefusedPosting(DepositEvent deposit, Account account, string refusal) =>
        new(DepositReferences.Refused(deposit.Reference, deposit.Type), account.Id, EntryType.Deposit, Direction.Credit, EntryStatus.Failed,
            deposit.Amount, default, $"Refused deposit {deposit.Reference}: {refusal}", Counterparty: deposit.Sender?.Name);
}
