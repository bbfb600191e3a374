using System.Collections.Concurrent;

namespace Accounts.Core.Notifications;

/// <summary>
/// Whether a tenant has any enabled endpoint, cached for <see cref="CacheFor"/>, so a book commit of a tenant that
/// takes no notifications costs nothing more. A change here is seen at once; on other instances within the cache bound.
/// </summary>
public sealed class EndpointDirectory(INotificationStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (bool Any, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<bool> HasEndpointsAsync(string tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(tenantId, out var known) && known.Until > now)
        {
            return known.Any;
        }

        var any = (await store.ListEndpointsAsync(tenantId, ct)).Any(e => e.Enabled);
        _known[tenantId] = (any, now + CacheFor);
        return any;
    }

    public void Forget(string tenantId) => _known.TryRemove(tenantId, out _);
}
