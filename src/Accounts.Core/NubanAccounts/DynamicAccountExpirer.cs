using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// Marks dynamic accounts EXPIRED once their time has passed, reading only due rows of the expiry index.
/// Idempotent: an account already expired or closed is left as it is, and its index row is removed either way, so
/// a second run (or two instances racing) changes nothing more. Reads never wait for this: see <see cref="DynamicExpiry"/>.
/// </summary>
public sealed class DynamicAccountExpirer(IExpiryIndex index, IAccountStore accounts, TimeProvider clock)
{
    /// <summary>Index rows read per round; rounds repeat until no due row is left.</summary>
    public const int BatchSize = 200;

    /// <returns>How many accounts this run changed to EXPIRED.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        while (true)
        {
            var due = (await index.DueAsync(now, BatchSize, ct)).Where(e => now > e.ExpiresAt).ToList();
            if (due.Count == 0)
            {
                return expired;
            }

            foreach (var entry in due)
            {
                if (await ExpireAsync(entry, now, ct))
                {
                    expired++;
                }

                await index.RemoveAsync(entry, ct);
            }
        }
    }

    private async Task<bool> ExpireAsync(ExpiryEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            var account = await accounts.GetAsync(entry.TenantId, entry.AccountId, ct);

            // Missing: its open failed after indexing. Closed or already expired: nothing to do.
            if (account is not { Kind: AccountKind.NubanDynamic, Status: AccountStatus.Active } || !(now > account.ExpiresAt))
            {
                return false;
            }

            try
            {
                await accounts.UpdateAsync(account with { Status = AccountStatus.Expired, UpdatedAt = now }, ct);
                return true;
            }
            catch (ConcurrencyException)
            {
                // A payment or a close changed it meanwhile: decide again on fresh state.
            }
        }
    }
}
