using System.Text.Json;
using Accounts.Core.Notifications;

namespace Accounts.Functions.Notifications;

/// <summary>The queued form of a delivery: which tenant, event and endpoint (the state is in the delivery row).</summary>
public static class DeliveryMessage
{
    public static string Write(DeliveryKey key) =>
        JsonSerializer.Serialize(new Body(key.TenantId, key.EventId, key.EndpointId));

    /// <summary>Throws JsonException (or InvalidDataException for missing fields) on a message this service did not write.</summary>
    public static DeliveryKey Read(string text)
    {
        var body = JsonSerializer.Deserialize<Body>(text) ?? throw new InvalidDataException("empty delivery message");
        return body is { tenant_id: { Length: > 0 } t, event_id: { Length: > 0 } e, endpoint_id: { Length: > 0 } p }
            ? new DeliveryKey(t, e, p)
            : throw new InvalidDataException("a delivery message needs tenant_id, event_id and endpoint_id");
    }

#pragma warning disable IDE1006, SA1300 // the wire names
    private sealed record Body(string? tenant_id, string? event_id, string? endpoint_id);
#pragma warning restore IDE1006, SA1300
}
