using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// The deposit pipeline's seam into NUBAN accounts. Before crediting: <see cref="Check"/>; a refusal is recorded
/// (refund due) and never credited. After a credit to a dynamic account is applied: <see cref="RecordPaymentAsync"/>.
/// </summary>
public sealed class NubanPaymentService(IAccountStore accounts, TimeProvider clock)
{
    public DepositDecision Check(Account account, Money.Money amount) => NubanDepositPolicy.Check(account, amount, clock.GetUtcNow());

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
