using System.Text.Json;
using System.Text.Json.Serialization;
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
        return body is { TenantId: { Length: > 0 } t, EventId: { Length: > 0 } e, EndpointId: { Length: > 0 } p }
            ? new DeliveryKey(t, e, p)
            : throw new InvalidDataException("a delivery message needs tenant_id, event_id and endpoint_id");
    }

    private sealed record Body(
        [property: JsonPropertyName("tenant_id")] string? TenantId,
        [property: JsonPropertyName("event_id")] string? EventId,
        [property: JsonPropertyName("endpoint_id")] string? EndpointId);
}
