using System.Text.Json;
using Accounts.Core.Notifications;
using Accounts.Functions.Api;
using Accounts.Functions.Operator;

namespace Accounts.Functions.Notifications;

/// <summary>
/// A tenant's notification endpoints, under the operator routes. The signing secret appears only in the answers of
/// create and rotate. Delivery log per endpoint and per event, and resending one event.
/// </summary>
public static class WebhookEndpointsApi
{
    private const int MaxLog = 200;

    public static async Task<IResult> Create(string tenantId, HttpRequest request, WebhookEndpointAdministration admin, CancellationToken ct)
    {
        var body = JsonBody.Parse<EndpointRequest>(await JsonBody.ReadTextAsync(request, ct), OperatorJson.Options);
        var (endpoint, secret) = await admin.CreateAsync(tenantId, body.Url, body.EventTypes, body.Enabled, ct);
        return Results.Json(new CreatedEndpoint(View(endpoint), secret), OperatorJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> List(string tenantId, WebhookEndpointAdministration admin, CancellationToken ct) =>
        Results.Json(new EndpointList((await admin.ListAsync(tenantId, ct)).Select(View).ToList()), OperatorJson.Options);

    public static async Task<IResult> Get(string tenantId, string endpointId, WebhookEndpointAdministration admin, CancellationToken ct) =>
        Results.Json(View(await admin.GetAsync(tenantId, endpointId, ct)), OperatorJson.Options);

    public static async Task<IResult> Update(string tenantId, string endpointId, HttpRequest request, WebhookEndpointAdministration admin,
        CancellationToken ct)
    {
        var body = JsonBody.Parse<EndpointRequest>(await JsonBody.ReadTextAsync(request, ct), OperatorJson.Options);
        return Results.Json(View(await admin.UpdateAsync(tenantId, endpointId, body.Url, body.EventTypes, body.Enabled, ct)), OperatorJson.Options);
    }

    public static async Task<IResult> Delete(string tenantId, string endpointId, WebhookEndpointAdministration admin, CancellationToken ct)
    {
        await admin.DeleteAsync(tenantId, endpointId, ct);
        return Results.NoContent();
    }

    public static async Task<IResult> RotateSecret(string tenantId, string endpointId, WebhookEndpointAdministration admin, CancellationToken ct)
    {
        var (endpoint, secret) = await admin.RotateSecretAsync(tenantId, endpointId, ct);
        return Results.Json(new RotatedSecret(secret, OperatorJson.Time(endpoint.PreviousValidUntil!.Value)), OperatorJson.Options);
    }

    public static async Task<IResult> EndpointDeliveries(string tenantId, string endpointId, WebhookEndpointAdministration admin,
        INotificationStore store, CancellationToken ct)
    {
        await admin.GetAsync(tenantId, endpointId, ct);
        var deliveries = await store.ListDeliveriesOfEndpointAsync(tenantId, endpointId, MaxLog, ct);
        return Results.Json(new DeliveryList(deliveries.Select(View).ToList()), OperatorJson.Options);
    }

    public static async Task<IResult> GetEvent(string tenantId, string eventId, INotificationStore store, CancellationToken ct)
    {
        var notification = await store.GetEventAsync(tenantId, eventId, ct)
            ?? throw Core.Errors.DomainException.NotFound($"event {eventId} was not found");
        var deliveries = await store.ListDeliveriesOfEventAsync(tenantId, eventId, ct);
        return Results.Json(new EventView(notification.Id, notification.Type, notification.AccountId, notification.Sequence,
            OperatorJson.Time(notification.CreatedAt), JsonDocument.Parse(notification.Payload).RootElement, deliveries.Select(View).ToList()),
            OperatorJson.Options);
    }

    public static async Task<IResult> Resend(string tenantId, string eventId, HttpRequest request, DeliveryProcessor processor, CancellationToken ct)
    {
        var text = await JsonBody.ReadTextAsync(request, ct);
        var body = string.IsNullOrWhiteSpace(text) ? new ResendRequest(null) : JsonBody.Parse<ResendRequest>(text, OperatorJson.Options);
        var resent = await processor.ResendAsync(tenantId, eventId, body.EndpointId, ct);
        return Results.Json(new DeliveryList(resent.Select(View).ToList()), OperatorJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static EndpointView View(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventTypes, e.Enabled, OperatorJson.Time(e.CreatedAt), OperatorJson.Time(e.UpdatedAt),
            e.PreviousValidUntil is { } until ? OperatorJson.Time(until) : null);

    private static DeliveryView View(Delivery d) =>
        new(d.EventId, d.EndpointId, d.EventType, Status(d.Status), d.AttemptCount, OperatorJson.Time(d.CreatedAt),
            d.Status == DeliveryStatus.Pending && d.NextAttemptAt is { } next ? OperatorJson.Time(next) : null,
            d.Attempts.Select(a => new AttemptView(OperatorJson.Time(a.At), a.StatusCode, a.LatencyMs, a.Error)).ToList());

    private static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "PENDING",
        DeliveryStatus.Succeeded => "SUCCEEDED",
        _ => "FAILED",
    };

    public sealed record EndpointRequest(string? Url, IReadOnlyList<string>? EventTypes, bool? Enabled);

    public sealed record ResendRequest(string? EndpointId);

    public sealed record EndpointView(string Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string CreatedAt, string UpdatedAt,
        string? PreviousSecretValidUntil);

    public sealed record CreatedEndpoint(EndpointView Endpoint, string Secret);

    public sealed record EndpointList(IReadOnlyList<EndpointView> Endpoints);

    public sealed record RotatedSecret(string Secret, string PreviousValidUntil);

    public sealed record AttemptView(string At, int? StatusCode, long LatencyMs, string? Error);

    public sealed record DeliveryView(string EventId, string EndpointId, string EventType, string Status, int Attempts, string CreatedAt,
        string? NextAttemptAt, IReadOnlyList<AttemptView> AttemptLog);

    public sealed record DeliveryList(IReadOnlyList<DeliveryView> Deliveries);

    public sealed record EventView(string Id, string Type, string AccountId, long Sequence, string CreatedAt, JsonElement Payload,
        IReadOnlyList<DeliveryView> Deliveries);
}
