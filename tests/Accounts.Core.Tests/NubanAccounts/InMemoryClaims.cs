using System.Collections.Concurrent;
using Accounts.Core.Claims;

namespace Accounts.Core.Tests.NubanAccounts;

internal sealed class InMemoryClaims : IClaimStore
{
    private readonly ConcurrentDictionary<(string, string), string> _owners = new();

    public Task<bool> TryClaimAsync(string scope, string key, string ownerId, CancellationToken ct) =>
        Task.FromResult(_owners.GetOrAdd((scope, key), ownerId) == ownerId);

    public Task<string?> FindOwnerAsync(string scope, string key, CancellationToken ct) =>
        Task.FromResult(_owners.GetValueOrDefault((scope, key)));

    public Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        _owners.TryRemove(new KeyValuePair<(string, string), string>((scope, key), ownerId));
        return Task.CompletedTask;
    }
}
