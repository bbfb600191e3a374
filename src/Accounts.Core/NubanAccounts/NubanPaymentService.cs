using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// Counts settled deposits against dynamic accounts' expected amounts, as the deposit pipeline credits them. (Whether
/// an account may receive at all — closed, expired, wrong currency — is decided before, by the shared ReceivingRules.)
/// </summary>
public sealed class NubanPaymentService(IAccountStore accounts, TimeProvider clock) : IDepositListener
{
    public Task OnSettledAsync(Account account, DepositEvent deposit, CancellationToken ct) =>
        account.Kind == AccountKind.NubanDynamic
            ? RecordPaymentAsync(account.TenantId, account.Id, deposit.Reference, deposit.Amount.Minor, ct)
            : Task.CompletedTask;

    /// <summary>
    /// Counts a credited deposit against a dynamic account's expected amount (PARTIALLY_PAID, PAID, OVERPAID).
    /// Idempotent per deposit reference; static accounts have no payment state, so they are returned unchanged.
    /// </summary>
    public async Task<Account> RecordPaymentAsync(string tenantId, string accountId, string depositReference, long amountMinor,
        CancellationToken ct)
    {
        while (true)
        {
            var account = await accounts.GetAsync(tenantId, accountId, ct)
                ?? throw DomainException.NotFound($"account {accountId} was not found");
            if (account.Kind != AccountKind.NubanDynamic || DynamicPayments.Apply(account, depositReference, amountMinor) is not { } paid)
            {
                return account;
            }

            try
            {
                // The money is already in the book, so this is recorded even if the account expired or closed since.
                return await accounts.UpdateAsync(paid with { UpdatedAt = clock.GetUtcNow() }, ct);
            }
            catch (ConcurrencyException)
            {
                // Another payment or the expiry timer changed the account: apply again on fresh state.
            }
        }
    }
}
