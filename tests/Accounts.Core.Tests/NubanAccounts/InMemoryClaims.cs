using System.Collections.Concurrent;
using Accounts.Core.Claims;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>
/// Claims in memory; <see cref="FailScope"/> makes claims in scopes containing it throw, as a storage fault would.
/// Claims with a recorded outcome are insert-if-absent and version-checked, as the Table Storage adapter does them.
/// </summary>
internal sealed class InMemoryClaims : IClaimStore
{
    private readonly ConcurrentDictionary<(string, string), KeyClaim> _claims = new();
    private readonly ConcurrentDictionary<(string, string), RecordedClaim> _recorded = new();
    private int _version;

    public string? FailScope { get; set; }

    public IReadOnlyCollection<(string Scope, string Key)> Keys => _claims.Keys.ToList();

    public string? OwnerOf(string scope, string key) => _claims.GetValueOrDefault((scope, key))?.Owner;

    /// <summary>Stores a claim as rows written before claims kept fingerprints look.</summary>
    public void Seed(string scope, string key, string ownerId) => _claims[(scope, key)] = new KeyClaim(ownerId, null);

    public Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct) =>
        FailScope is { } fail && scope.Contains(fail, StringComparison.Ordinal)
            ? throw new TimeoutException($"claim store timed out in {scope}")
            : Task.FromResult(_claims.GetOrAdd((scope, key), new KeyClaim(ownerId, fingerprint)));

    public Task<KeyClaim?> FindAsync(string scope, string key, CancellationToken ct) => Task.FromResult(_claims.GetValueOrDefault((scope, key)));

    public Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        if (_claims.TryGetValue((scope, key), out var held) && held.Owner == ownerId)
        {
            _claims.TryRemove(new KeyValuePair<(string, string), KeyClaim>((scope, key), held));
        }

        return Task.CompletedTask;
    }

    public int RecordedCount => _recorded.Count;

    public Task<(bool Inserted, RecordedClaim Claim)> ClaimAsync(string scope, string key, RecordedClaim claim, CancellationToken ct)
    {
        var stored = claim with { Version = NextVersion() };
        return Task.FromResult(_recorded.TryAdd((scope, key), stored) ? (true, stored) : (false, _recorded[(scope, key)]));
    }

    public Task<RecordedClaim> ReplaceAsync(string scope, string key, RecordedClaim claim, CancellationToken ct)
    {
        var next = claim with { Version = NextVersion() };
        return _recorded.TryGetValue((scope, key), out var current) && current.Version == claim.Version
            && _recorded.TryUpdate((scope, key), next, current)
            ? Task.FromResult(next)
            : throw new ConcurrencyException("stale claim");
    }

    public Task<bool> ReleaseAsync(string scope, string key, RecordedClaim claim, CancellationToken ct) =>
        Task.FromResult(_recorded.TryGetValue((scope, key), out var current) && current.Version == claim.Version
            && _recorded.TryRemove(new KeyValuePair<(string, string), RecordedClaim>((scope, key), current)));

    private string NextVersion() => Interlocked.Increment(ref _version).ToString();
}
