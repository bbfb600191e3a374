using Accounts.Core.Notifications;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Notifications;

/// <summary>
/// Table Notifications: one partition per tenant (so nothing of one tenant is ever read under another's key) holding
/// its endpoints ("ep|{id}"), events ("evt|{id}") and deliveries ("dlv|{event id}|{endpoint id}").
/// </summary>
internal static class NotificationRows
{
    public const string EndpointPrefix = "ep|";
    public const string EndpointEnd = "ep}";
    public const string DeliveryPrefix = "dlv|";
    public const string DeliveryEnd = "dlv}";

    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string EndpointKey(string id) => EndpointPrefix + id;

    public static string EventKey(string id) => "evt|" + id;

    public static string DeliveryKey(string eventId, string endpointId) => $"{DeliveryPrefix}{eventId}|{endpointId}";

    public static TableEntity From(WebhookEndpoint e) =>
        new TableEntity(Partition(e.TenantId), EndpointKey(e.Id))
            .Set("TenantId", e.TenantId)
            .Set("Id", e.Id)
            .Set("Url", e.Url)
            .Set("EventTypes", string.Join(',', e.EventTypes))
            .Set("Enabled", e.Enabled ? 1 : 0)
            .Set("SealedSecret", e.SealedSecret)
            .Set("SealedPreviousSecret", e.SealedPreviousSecret)
            .Set("PreviousValidUntil", e.PreviousValidUntil)
            .Set("CreatedAt", e.CreatedAt)
            .Set("UpdatedAt", e.UpdatedAt)
            .WithVersion(e.Version);

    public static WebhookEndpoint ToEndpoint(TableEntity row) => new(
        row.RequireString("TenantId"), row.RequireString("Id"), row.RequireString("Url"),
        (row.GetStringOrNull("EventTypes") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.RequireInt64("Enabled") == 1, row.RequireString("SealedSecret"), row.GetStringOrNull("SealedPreviousSecret"),
        row.GetTimeOrNull("PreviousValidUntil"), row.GetTime("CreatedAt"), row.GetTime("UpdatedAt"), row.Version());

    public static TableEntity From(NotificationEvent e) =>
        new TableEntity(Partition(e.TenantId), EventKey(e.Id))
            .Set("TenantId", e.TenantId)
            .Set("Id", e.Id)
            .Set("Type", e.Type)
            .Set("AccountId", e.AccountId)
            .Set("Sequence", e.Sequence)
            .Set("CreatedAt", e.CreatedAt)
            .Set("Payload", e.Payload);

    public static NotificationEvent ToEvent(TableEntity row) => new(
        row.RequireString("TenantId"), row.RequireString("Id"), row.RequireString("Type"), row.RequireString("AccountId"),
        row.RequireInt64("Sequence"), row.GetTime("CreatedAt"), row.RequireString("Payload"));

    public static TableEntity From(Delivery d) =>
        new TableEntity(Partition(d.TenantId), DeliveryKey(d.EventId, d.EndpointId))
            .Set("TenantId", d.TenantId)
            .Set("EventId", d.EventId)
            .Set("EndpointId", d.EndpointId)
            .Set("EventType", d.EventType)
            .Set("Status", d.Status.ToString())
            .Set("Step", d.Step)
            .Set("AttemptCount", d.AttemptCount)
            .Set("CreatedAt", d.CreatedAt)
            .Set("NextAttemptAt", d.NextAttemptAt)
            .Set("Attempts", StoredJson.Write(d.Attempts))
            .WithVersion(d.Version);

    public static Delivery ToDelivery(TableEntity row) => new(
        row.RequireString("TenantId"), row.RequireString("EventId"), row.RequireString("EndpointId"), row.RequireString("EventType"),
        row.GetEnum<DeliveryStatus>("Status"), row.GetInt32OrNull("Step") ?? 0, row.GetInt32OrNull("AttemptCount") ?? 0,
        row.GetTime("CreatedAt"), row.GetTimeOrNull("NextAttemptAt"),
        StoredJson.Read<List<DeliveryAttempt>>(row.RequireString("Attempts")) ?? [], row.Version());
}
