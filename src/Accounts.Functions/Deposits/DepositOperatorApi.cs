using System.Globalization;
using System.Text.Json;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Deposits;

/// <summary>What happened to a tenant's deposit events: by reference, and the dead-lettered ones.</summary>
public static class DepositOperatorApi
{
    public static async Task<IResult> GetByReference(HttpRequest request, string reference, TenantDirectory tenants,
        IDepositRecordStore records)
    {
        var tenant = await DepositWebhookApi.AuthenticateAsync(request, tenants);
        var found = await records.ListByReferenceAsync(tenant.Id, DepositEventParser.Reference(reference), request.HttpContext.RequestAborted);
        if (found.Count == 0)
        {
            throw DomainException.NotFound($"no deposit event with reference '{reference}' was received");
        }

        return Results.Json(new { reference, events = found.Select(DepositRecordView.From).ToList() }, DepositJson.Options);
    }

    public static async Task<IResult> ListDeadLettered(HttpRequest request, TenantDirectory tenants, IDepositRecordStore records)
    {
        var tenant = await DepositWebhookApi.AuthenticateAsync(request, tenants);
        var found = await records.ListDeadLetteredAsync(tenant.Id, request.HttpContext.RequestAborted);
        return Results.Json(new { events = found.Select(DepositRecordView.From).ToList() }, DepositJson.Options);
    }
}

/// <summary>One recorded event as the operator endpoints show it.</summary>
public sealed record DepositRecordView(
    string Event,
    string EventId,
    string Reference,
    string Status,
    string? Reason,
    string AccountNumber,
    string Amount,
    string Currency,
    string ReceivedAt,
    string? ProcessedAt,
    int Attempts,
    string? AccountId,
    string? EntryId)
{
    public static DepositRecordView From(DepositRecord r) => new(
        DepositEventTypes.WireName(r.Type), r.EventId, r.Reference, JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.Status.ToString()), r.Reason,
        r.AccountNumber, r.Amount, r.Currency, Time(r.ReceivedAt)!, Time(r.ProcessedAt), r.Attempts, r.AccountId, r.EntryId);

    private static string? Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
