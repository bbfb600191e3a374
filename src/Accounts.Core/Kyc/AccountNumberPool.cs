using System.Collections.Concurrent;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Kyc;

/// <summary>
/// Hands out account numbers from a country's pool, in order, never twice. The counter row decides which index a
/// caller gets (ETag-checked, so across instances too); each number is then also claimed for the account
/// (insert-if-absent), so a number already held — say after ranges were reconfigured to overlap — is skipped, not
/// reused. A number whose account is then never stored is lost, not handed out again: gaps are allowed, repeats are not.
/// </summary>
public sealed class AccountNumberPool(INumberPoolStore store, IAccountStore accounts)
{
    private const int MaxAttempts = 200;

    // Allocations of one process queue here instead of racing on the counter's ETag; other instances still race.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<string> AllocateAsync(NumberPool pool, string tenantId, string accountId, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(pool.Country, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var counter = await store.ReadAsync(pool.Country, ct);
                if (counter.Next >= pool.Size)
                {
                    throw DomainException.Unavailable(
                        $"the account number pool for {pool.Country} is exhausted ({pool.Size} numbers allocated); no account can be opened there until more numbers are configured");
                }

                if (!await store.TryAdvanceAsync(counter, counter.Next + 1, ct))
                {
                    await Task.Delay(Random.Shared.Next(2, 10 + attempt), ct);
                    continue;
                }

                var number = pool.NumberAt(counter.Next);
                if (await accounts.TryClaimNumberAsync(pool.InstitutionCode, number, tenantId, accountId, ct))
                {
                    return number;
                }
            }

            throw DomainException.Unavailable($"no account number could be allocated for {pool.Country} right now; retry later");
        }
        finally
        {
            gate.Release();
        }
    }
}
