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
    /// <summary>Account numbers whose id is remembered; far more than the accounts receiving deposits at one time.</summary>
    public const int CachedNumbers = 50_000;

    private readonly AccountNumberCache _numbers = new(CachedNumbers);

    public async Task<DepositOutcome> ApplyAsync(DepositEvent deposit, CancellationToken ct)
    {
        var account = await FindAsync(deposit.TenantId, deposit.AccountNumber, ct);
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

    /// <summary>
    /// The account with this number, read fresh. Its id comes from the cache when known (one read instead of the index
    /// read and the account read); the account read must confirm the number, or the full lookup decides.
    /// </summary>
    private async Task<Account?> FindAsync(string tenantId, string accountNumber, CancellationToken ct)
    {
        if (_numbers.TryGet(tenantId, accountNumber, out var accountId))
        {
            var known = await accounts.GetAsync(tenantId, accountId, ct);
            if (known is not null && string.Equals(known.AccountNumber, accountNumber, StringComparison.Ordinal))
            {
                return known;
            }

            _numbers.Forget(tenantId, accountNumber);
        }

        var found = await accounts.FindByNumberAsync(tenantId, accountNumber, ct);
        if (found is not null)
        {
            _numbers.Remember(tenantId, accountNumber, found.Id);
        }

        return found;
    }
}

/// <summary>What applying an event did. <see cref="EntryId"/> is the ledger entry that records it, if any.</summary>
public sealed record DepositOutcome(DepositStatus Status, string? Reason, string? AccountId, string? EntryId);
