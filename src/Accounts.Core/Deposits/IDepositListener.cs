using Accounts.Core.Accounts;

namespace Accounts.Core.Deposits;

/// <summary>
/// Told about every settled deposit credited to an account, and told again when a redelivered event replays it, so
/// products that track payments (dynamic NUBAN accounts) can count them. Implementations must be idempotent per
/// deposit reference.
/// </summary>
public interface IDepositListener
{
    Task OnSettledAsync(Account account, DepositEvent deposit, CancellationToken ct);
}
