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
        var tenant = await AuthenticateAsync(request, tenants);
        var found = await records.ListByReferenceAsync(tenant.Id, DepositEventParser.Reference(reference), request.HttpContext.RequestAborted);
        if (found.Count == 0)
        {
            throw DomainException.NotFound($"no deposit event with reference '{reference}' was received");
        }

        return Results.Json(new { reference, events = found.Select(DepositRecordView.From).ToList() }, DepositJson.Options);
    }

    public static async Task<IResult> ListDeadLettered(HttpRequest request, TenantDirectory tenants, IDepositRecordStore records)
    {
        var tenant = await AuthenticateAsync(request, tenants);
        var found = await records.ListDeadLetteredAsync(tenant.Id, request.HttpContext.RequestAborted);
        return Results.Json(new { events = found.Select(DepositRecordView.From).ToList() }, DepositJson.Options);
    }

    private static Task<Tenant> AuthenticateAsync(HttpRequest request, TenantDirectory tenants)
    {
        var apiKey = request.Headers["x-api-key"].ToString();
        return apiKey.Length == 0
            ? throw DomainException.Unauthorized("x-api-key header is required")
            : tenants.AuthenticateAsync(apiKey, request.HttpContext.RequestAborted);
    }
}
