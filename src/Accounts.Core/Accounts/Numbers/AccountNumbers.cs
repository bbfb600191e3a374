using System.Collections.Concurrent;
using System.Security.Cryptography;
using Accounts.Core.Errors;
using Accounts.Core.Routing;

namespace Accounts.Core.Accounts.Numbers;

/// <summary>
/// The one place account numbers are allocated: a candidate from the product's <see cref="NumberSource"/>, claimed
/// for the account by insert-if-absent. Two concurrent opens can draw the same candidate, but only one claim
/// succeeds; the other draws again. A number already claimed by the same account counts as its own (a retried open).
/// </summary>
public sealed class AccountNumbers(IAccountStore accounts, INumberPoolStore pools, Func<int, int>? randomBelow = null)
{
    private const int CounterAttempts = 200;

    private readonly Func<int, int> _randomBelow = randomBelow ?? RandomNumberGenerator.GetInt32;

    // Allocations of one process queue per pool instead of racing on the counter's ETag; other instances still race.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<string> AllocateAsync(NumberSource source, string tenantId, string accountId, CancellationToken ct)
    {
        var gate = source is NumberSource.Pooled { Pool: var pool } ? _gates.GetOrAdd(pool.Country, _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            for (var attempt = 0; attempt < source.Attempts; attempt++)
            {
                var candidate = source switch
                {
                    NumberSource.Drawn drawn => AccountNumberGenerator.Next(drawn.Institution, _randomBelow),
                    NumberSource.Pooled pooled => await NextInPoolAsync(pooled.Pool, ct),
                    _ => throw new InvalidOperationException($"Unknown number source {source.GetType().Name}"),
                };
                if (await accounts.TryClaimNumberAsync(source.InstitutionCode, candidate, tenantId, accountId, ct))
                {
                    return candidate;
                }
            }

            throw DomainException.Unavailable(source.Unavailable);
        }
        finally
        {
            gate?.Release();
        }
    }

    // The counter row decides which index a caller gets (ETag-checked, so across instances too).
    private async Task<string> NextInPoolAsync(NumberPool pool, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= CounterAttempts; attempt++)
        {
            var counter = await pools.ReadAsync(pool.Country, ct);
            if (counter.Next >= pool.Size)
            {
                throw DomainException.Unavailable(
                    $"the account number pool for {pool.Country} is exhausted ({pool.Size} numbers allocated); no account can be opened there until more numbers are configured");
            }

            if (await pools.TryAdvanceAsync(counter, counter.Next + 1, ct))
            {
                return pool.NumberAt(counter.Next);
            }

            await Task.Delay(Random.Shared.Next(2, 10 + attempt), ct);
        }

        throw DomainException.Unavailable($"no account number could be allocated for {pool.Country} right now; retry later");
    }
}
