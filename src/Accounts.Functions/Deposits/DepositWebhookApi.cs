using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The deposit webhook, one route in both modes: authenticate the tenant, verify the signature over the bytes received,
/// validate the event, then hand it to <see cref="DepositIntake"/>, which records it and queues it (standalone the local
/// queue, under the Functions host Service Bus). Once recorded the event is accepted: the caller gets 202.
/// </summary>
public static class DepositWebhookApi
{
    public static async Task<IResult> Receive(HttpRequest request, TenantDirectory tenants, DepositIntake intake, TimeProvider clock)
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await RawWebhookBody.ReadAsync(request, ct);
        var tenant = await AuthenticateAsync(request, tenants);
        WebhookSignature.Verify(tenant.WebhookSecretsValidAt(clock.GetUtcNow()), Header(request, "x-timestamp"), Header(request, "x-signature"),
            body, clock.GetUtcNow());
        var deposit = DepositEventParser.Parse(tenant.Id, RawWebhookBody.Decode(body), clock.GetUtcNow());
        var eventId = await intake.ReceiveAsync(deposit, ct);
        return Results.Json(DepositResponses.Accepted(eventId), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The tenant of a webhook or operator request, by its <c>x-api-key</c>.</summary>
    public static Task<Tenant> AuthenticateAsync(HttpRequest request, TenantDirectory tenants) =>
        Header(request, "x-api-key") is { Length: > 0 } apiKey
            ? tenants.AuthenticateAsync(apiKey, request.HttpContext.RequestAborted)
            : throw DomainException.Unauthorized("x-api-key header is required");

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
