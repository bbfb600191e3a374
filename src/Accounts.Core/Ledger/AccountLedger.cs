using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Ledger;

/// <summary>
/// Posts money to an account's book after checking the account may take it: closed accounts refuse every
/// posting, blocked and expired ones refuse credits.
/// </summary>
public sealed class AccountLedger(LedgerService ledger)
{
    public Task<PostResult> CreditAsync(Account account, AccountPosting posting, CancellationToken ct)
    {
        EnsureOpen(account);
        if (account.Status is AccountStatus.Blocked or AccountStatus.Expired)
        {
            throw DomainException.Forbidden($"account {account.AccountNumber} is {account.Status.ToString().ToUpperInvariant()} and cannot receive funds");
        }

        var delta = posting.Status == EntryStatus.Pending
            ? BalanceDelta.PendingCredit(posting.Amount.Minor)
            : BalanceDelta.SettledCredit(posting.Amount.Minor);
        return ledger.PostAsync(account.BookId, posting.ToPosting(account.Id, Direction.Credit, delta), ct);
    }

    public Task<PostResult> DebitAsync(Account account, AccountPosting posting, CancellationToken ct)
    {
        EnsureOpen(account);
        var delta = BalanceDelta.SettledDebit(posting.Amount.Minor);
        return ledger.PostAsync(account.BookId, posting.ToPosting(account.Id, Direction.Debit, delta), ct);
    }

    private static void EnsureOpen(Account account)
    {
        if (account.IsClosed)
        {
            throw DomainException.Forbidden($"account {account.AccountNumber} is closed and cannot take postings");
        }
    }
}
