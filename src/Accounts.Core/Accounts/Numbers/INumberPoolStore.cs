namespace Accounts.Core.Accounts.Numbers;

/// <summary>One counter per pool, advanced only by an ETag-checked write so two allocations can never take the same index.</summary>
public interface INumberPoolStore
{
    /// <summary>The counter, or one at 0 with no version when the pool was never used.</summary>
    Task<PoolCounter> ReadAsync(string country, CancellationToken ct);

    /// <summary>Stores <paramref name="next"/> if the counter is still at <paramref name="current"/>'s version; false when it moved.</summary>
    Task<bool> TryAdvanceAsync(PoolCounter current, long next, CancellationToken ct);
}

/// <summary>How many numbers of a country's pool were handed out. <see cref="Version"/> is the store's ETag (null: never stored).</summary>
public sealed record PoolCounter(string Country, long Next, string? Version);
