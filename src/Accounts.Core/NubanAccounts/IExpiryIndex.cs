namespace Accounts.Core.NubanAccounts;

/// <summary>
/// Dynamic accounts by expiry time, so the expiry timer reads only rows that are due instead of every account.
/// An entry is written before its account and removed once the account is settled (expired, closed or missing).
/// </summary>
public interface IExpiryIndex
{
    /// <summary>Adds an entry; adding the same entry again is not an error.</summary>
    Task AddAsync(ExpiryEntry entry, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="max"/> entries whose expiry time is before <paramref name="now"/>, earliest minute first.
    /// </summary>
    Task<IReadOnlyList<ExpiryEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Removes an entry; removing an absent entry is not an error.</summary>
    Task RemoveAsync(ExpiryEntry entry, CancellationToken ct);
}

/// <summary>A dynamic account due to expire at <see cref="ExpiresAt"/>, as held by the expiry index.</summary>
public sealed record ExpiryEntry(string TenantId, string AccountId, DateTimeOffset ExpiresAt);
