using System.Collections.Concurrent;
using Accounts.Core.Claims;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>Claims in memory; <see cref="FailScope"/> makes claims in scopes containing it throw, as a storage fault would.</summary>
internal sealed class InMemoryClaims : IClaimStore
{
    private readonly ConcurrentDictionary<(string, string), string> _owners = new();

    public string? FailScope { get; set; }

    public IReadOnlyCollection<(string Scope, string Key)> Keys => _owners.Keys.ToList();

    public Task<bool> TryClaimAsync(string scope, string key, string ownerId, CancellationToken ct) =>
        FailScope is { } fail && scope.Contains(fail, StringComparison.Ordinal)
            ? throw new TimeoutException($"claim store timed out in {scope}")
            : Task.FromResult(_owners.GetOrAdd((scope, key), ownerId) == ownerId);

    public Task<string?> FindOwnerAsync(string scope, string key, CancellationToken ct) =>
        Task.FromResult(_owners.GetValueOrDefault((scope, key)));

    public Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        _owners.TryRemove(new KeyValuePair<(string, string), string>((scope, key), ownerId));
        return Task.CompletedTask;
    }
}
