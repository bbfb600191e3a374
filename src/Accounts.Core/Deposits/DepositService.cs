using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Deposits;

/// <summary>
/// Applies deposit events to accounts of every dialect, found by account number. Never drops one: an event that
/// cannot be credited is answered with a recorded reason, and for a known account a Failed entry (no money) records
/// it in the account's history. Whether the account may receive is judged inside the book's commit, after the
/// event's own earlier entry (a redelivery) is looked for, so a replay is never refused after the fact.
/// </summary>
public sealed class DepositService(IAccountStore accounts, LedgerService ledger, ReceivingRules rules)
{
    public async Task<DepositOutcome> ApplyAsync(DepositEvent deposit, CancellationToken ct)
    {
        // As current as a fresh read (status, block, expiry): every account change completed before this call shows.
        var account = await accounts.FindByNumberAsync(deposit.TenantId, deposit.AccountNumber, ct);
        if (account is null)
        {
            return new DepositOutcome(DepositStatus.Rejected, $"unknown account number {deposit.AccountNumber}; refund due", null, null);
        }

        // Judged as of arrival: a deposit that reached us before an account expired counts even if processed after.
        var refusal = rules.Refusal(account, deposit.Amount.Currency.Code, deposit.ReceivedAt);
        IntentResult result;
        try
        {
            result = await ledger.ApplyAsync(account.BookId, new DepositIntent(deposit, account.Id, refusal), ct);
        }
        catch (DomainException ex) when (ex.Kind == ErrorKind.Conflict)
        {
            return new DepositOutcome(DepositStatus.Rejected, $"conflicts with an earlier event of this reference: {ex.Message}", account.Id, null);
        }

        if (result.Entry is not { } entry)
        {
            return new DepositOutcome(DepositStatus.Ignored, result.Reason, account.Id, null);
        }

        if (entry.Status == EntryStatus.Failed && deposit.Type != DepositEventType.Rejected)
        {
            // Booked for the record only: a refused credit (refund due) or a reversal that could not be applied.
            var status = deposit.Type == DepositEventType.Reversed ? DepositStatus.Ignored : DepositStatus.Rejected;
            return new DepositOutcome(status, entry.Description, account.Id, entry.Id);
        }

        return new DepositOutcome(DepositStatus.Applied, null, account.Id, entry.Id);
    }
}

/// <summary>What applying an event did. <see cref="EntryId"/> is the ledger entry that records it, if any.</summary>
public sealed record DepositOutcome(DepositStatus Status, string? Reason, string? AccountId, string? EntryId);
