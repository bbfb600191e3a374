using Accounts.Core.Errors;
using Accounts.Core.Security;
using Accounts.Core.Tenancy;

namespace Accounts.Core.Notifications;

/// <summary>
/// A tenant's notification endpoints. Each has its own signing secret, generated here and returned only by the call
/// that made it (create, rotate); what is stored is sealed for the tenant and endpoint. Rotating keeps the previous
/// secret signing beside the new one for <see cref="SecretOverlap"/>; rotating again within it drops the oldest at once.
/// </summary>
public sealed class WebhookEndpointAdministration(INotificationStore store, ITenantStore tenants, EndpointDirectory directory,
    EndpointUrlRules urls, SecretBox box, TimeProvider clock)
{
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    /// <summary>Per tenant, so a mistake cannot fan one event out without bound.</summary>
    public const int MaxEndpoints = 10;

    public async Task<(WebhookEndpoint Endpoint, string Secret)> CreateAsync(string tenantId, string? url, IReadOnlyList<string>? types,
        bool? enabled, CancellationToken ct)
    {
        await RequireTenantAsync(tenantId, ct);
        if ((await store.ListEndpointsAsync(tenantId, ct)).Count >= MaxEndpoints)
        {
            throw DomainException.Conflict($"tenant {tenantId} already has {MaxEndpoints} endpoints; delete one first");
        }

        var id = Security.GeneratedSecret.NewId("ep_");
        var secret = GeneratedSecret.NewSigningSecret();
        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint(tenantId, id, urls.Check(url).AbsoluteUri, Types(types), enabled ?? true,
            box.Seal(secret, Context(tenantId, id)), null, null, now, now);
        endpoint = await store.InsertEndpointAsync(endpoint, ct);
        directory.Forget(tenantId);
        return (endpoint, secret);
    }

    public async Task<WebhookEndpoint> GetAsync(string tenantId, string endpointId, CancellationToken ct) =>
        await store.GetEndpointAsync(tenantId, endpointId, ct) ?? throw DomainException.NotFound($"endpoint {endpointId} was not found");

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string tenantId, CancellationToken ct)
    {
        await RequireTenantAsync(tenantId, ct);
        return await store.ListEndpointsAsync(tenantId, ct);
    }

    public Task<WebhookEndpoint> UpdateAsync(string tenantId, string endpointId, string? url, IReadOnlyList<string>? types, bool? enabled,
        CancellationToken ct)
    {
        var checkedUrl = url is null ? null : urls.Check(url).AbsoluteUri;
        var checkedTypes = types is null ? null : Types(types);
        return ChangeAsync(tenantId, endpointId, e => e with
        {
            Url = checkedUrl ?? e.Url,
            EventTypes = checkedTypes ?? e.EventTypes,
            Enabled = enabled ?? e.Enabled,
        }, ct);
    }

    public async Task<(WebhookEndpoint Endpoint, string Secret)> RotateSecretAsync(string tenantId, string endpointId, CancellationToken ct)
    {
        var secret = GeneratedSecret.NewSigningSecret();
        var endpoint = await ChangeAsync(tenantId, endpointId, e => e with
        {
            SealedSecret = box.Seal(secret, Context(tenantId, endpointId)),
            SealedPreviousSecret = e.SealedSecret,
            PreviousValidUntil = clock.GetUtcNow() + SecretOverlap,
        }, ct);
        return (endpoint, secret);
    }

    public async Task DeleteAsync(string tenantId, string endpointId, CancellationToken ct)
    {
        if (!await store.DeleteEndpointAsync(tenantId, endpointId, ct))
        {
            throw DomainException.NotFound($"endpoint {endpointId} was not found");
        }

        directory.Forget(tenantId);
    }

    /// <summary>The secrets that sign now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyList<string> SigningSecrets(WebhookEndpoint endpoint)
    {
        var context = Context(endpoint.TenantId, endpoint.Id);
        var secrets = new List<string> { box.Open(endpoint.SealedSecret, context) };
        if (endpoint.SealedPreviousSecret is { } previous && endpoint.PreviousValidUntil > clock.GetUtcNow())
        {
            secrets.Add(box.Open(previous, context));
        }

        return secrets;
    }

    private async Task<WebhookEndpoint> ChangeAsync(string tenantId, string endpointId, Func<WebhookEndpoint, WebhookEndpoint> change,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(tenantId, endpointId, ct);
            try
            {
                var changed = await store.UpdateEndpointAsync(change(current) with { UpdatedAt = clock.GetUtcNow() }, ct);
                directory.Forget(tenantId);
                return changed;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // Changed meanwhile: apply the change to the new state.
            }
        }
    }

    private async Task RequireTenantAsync(string tenantId, CancellationToken ct)
    {
        if (await tenants.GetAsync(tenantId, ct) is null)
        {
            throw DomainException.NotFound($"tenant {tenantId} was not found");
        }
    }

    private static IReadOnlyList<string> Types(IReadOnlyList<string>? types)
    {
        var list = (types ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = list.FirstOrDefault(t => !NotificationTypes.IsKnown(t));
        return unknown is null
            ? list
            : throw DomainException.Invalid("event_types", $"unknown event type '{unknown}'; known: {string.Join(", ", NotificationTypes.All)}");
    }

    private static string Context(string tenantId, string endpointId) => $"webhook-endpoint|{tenantId}|{endpointId}";
}
