using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Ledger;

/// <summary>
/// Posts money to an account's book after checking the account may take it (<see cref="ReceivingRules"/> for
/// credits); a closed account takes no posting at all.
/// </summary>
public sealed class AccountLedger(LedgerService ledger, ReceivingRules rules)
{
    public Task<PostResult> CreditAsync(Account account, AccountPosting posting, CancellationToken ct)
    {
        if (rules.Refusal(account, posting.Amount.Currency.Code) is { } refusal)
        {
            throw DomainException.Forbidden(refusal);
        }

        var delta = posting.Status switch
        {
            EntryStatus.Pending => BalanceDelta.PendingCredit(posting.Amount.Minor),
            EntryStatus.Settled => BalanceDelta.SettledCredit(posting.Amount.Minor),
            _ => throw new ArgumentException($"a credit is Pending or Settled, not {posting.Status}", nameof(posting)),
        };
        return ledger.PostAsync(account.BookId, posting.ToPosting(account.Id, Direction.Credit, delta), ct);
    }

    public Task<PostResult> DebitAsync(Account account, AccountPosting posting, CancellationToken ct)
    {
        if (account.IsClosed)
        {
            throw DomainException.Forbidden($"account {account.AccountNumber} is closed and cannot take postings");
        }

        var delta = BalanceDelta.SettledDebit(posting.Amount.Minor);
        return ledger.PostAsync(account.BookId, posting.ToPosting(account.Id, Direction.Debit, delta), ct);
    }
}
