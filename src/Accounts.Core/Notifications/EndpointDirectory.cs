using Accounts.Core.Caching;

namespace Accounts.Core.Notifications;

/// <summary>
/// Whether a tenant has any enabled endpoint, cached for <see cref="CacheFor"/>, so a book commit of a tenant that
/// takes no notifications costs nothing more. A change here is seen at once; on other instances within the cache bound.
/// </summary>
public sealed class EndpointDirectory(INotificationStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private const int MaxCached = 10_000;

    private readonly RecentValues<string, bool> _known = new(CacheFor, MaxCached, clock);

    public async Task<bool> HasEndpointsAsync(string tenantId, CancellationToken ct)
    {
        if (_known.TryGet(tenantId, out var any))
        {
            return any;
        }

        var before = _known.BeforeRead();
        any = (await store.ListEndpointsAsync(tenantId, ct)).Any(e => e.Enabled);
        _known.RememberRead(tenantId, any, before);
        return any;
    }

    public void Forget(string tenantId) => _known.Forget(tenantId);
}
