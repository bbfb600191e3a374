using System.Collections.Concurrent;
using Accounts.Core.Claims;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>Claims in memory; <see cref="FailScope"/> makes claims in scopes containing it throw, as a storage fault would.</summary>
internal sealed class InMemoryClaims : IClaimStore
{
    private readonly ConcurrentDictionary<(string, string), KeyClaim> _claims = new();

    public string? FailScope { get; set; }

    public IReadOnlyCollection<(string Scope, string Key)> Keys => _claims.Keys.ToList();

    public string? OwnerOf(string scope, string key) => _claims.GetValueOrDefault((scope, key))?.Owner;

    /// <summary>Stores a claim as rows written before claims kept fingerprints look.</summary>
    public void Seed(string scope, string key, string ownerId) => _claims[(scope, key)] = new KeyClaim(ownerId, null);

    public Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct) =>
        FailScope is { } fail && scope.Contains(fail, StringComparison.Ordinal)
            ? throw new TimeoutException($"claim store timed out in {scope}")
            : Task.FromResult(_claims.GetOrAdd((scope, key), new KeyClaim(ownerId, fingerprint)));

    public Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        if (_claims.TryGetValue((scope, key), out var held) && held.Owner == ownerId)
        {
            _claims.TryRemove(new KeyValuePair<(string, string), KeyClaim>((scope, key), held));
        }

        return Task.CompletedTask;
    }
}
