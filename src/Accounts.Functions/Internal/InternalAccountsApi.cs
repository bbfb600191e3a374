using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Internal;
using Accounts.Functions.Api;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Internal;

/// <summary>List, create, get, update and delete of internal ledger accounts (seed 002).</summary>
public static class InternalAccountsApi
{
    private const int MaxTextLength = 100;

    private static readonly AccountStatus[] Settable = [AccountStatus.Active, AccountStatus.Blocked, AccountStatus.Closed];

    public static async Task<IResult> List(HttpContext http, InternalAccountListing listing, IOptions<InternalCustodyOptions> custody)
    {
        var caller = InternalCaller.Of(http);
        var filter = InternalQuery.Filter(http.Request.Query);
        var request = InternalQuery.Page(http.Request.Query);
        var page = await listing.ListAsync(caller.Tenant.Id, filter, request, http.RequestAborted);
        var results = page.Results.Select(v => InternalAccountMapper.ToWire(v, caller.Tenant.Name, custody.Value)).ToList();
        var pagination = new InternalPagination(results.Count, page.Next?.Encode(), page.Previous?.Encode(), page.Total);
        return Results.Json(new InternalListResponse(new InternalPage(pagination, results)), InternalJson.Options);
    }

    public static async Task<IResult> Create(HttpContext http, InternalProduct product, InternalAccountDirectory directory,
        IOptions<InternalCustodyOptions> custody)
    {
        var caller = InternalCaller.Of(http);
        var body = JsonBody.Parse<InternalCreateRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), InternalJson.Options);
        var open = new OpenInternalAccount(
            Text(body.IdentityId, "identityId", required: true)!,
            InternalAccountTypes.Parse(body.Type, "type"),
            Text(body.Custody, "custody", required: true)!,
            Core.Money.Currency.Parse(body.Currency, "currency").Code,
            Text(body.Name, "name", required: true)!,
            Text(body.ExternalId, "externalId", required: false),
            Text(body.ParentId, "parentId", required: false));
        var account = await product.OpenAsync(caller.Tenant.Id, open, http.RequestAborted);
        var view = await directory.ViewAsync(account, http.RequestAborted);
        return Results.Json(InternalAccountMapper.ToWire(view, caller.Tenant.Name, custody.Value), InternalJson.Options,
            statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> Get(HttpContext http, string id, InternalAccountDirectory directory,
        IOptions<InternalCustodyOptions> custody)
    {
        var caller = InternalCaller.Of(http);
        var view = await directory.GetAsync(caller.Tenant.Id, id, http.RequestAborted);
        return Results.Json(InternalAccountMapper.ToWire(view, caller.Tenant.Name, custody.Value), InternalJson.Options);
    }

    public static async Task<IResult> Update(HttpContext http, string id, AccountLifecycle lifecycle,
        InternalAccountDirectory directory, IOptions<InternalCustodyOptions> custody)
    {
        var caller = InternalCaller.Of(http);
        var body = JsonBody.Parse<InternalUpdateRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), InternalJson.Options);
        var change = new AccountChange(
            Text(body.Name, "name", required: false),
            Text(body.ExternalId, "externalId", required: false),
            body.Status is null ? null : InternalQuery.ParseStatus("status", body.Status, Settable));
        var account = await lifecycle.UpdateAsync(ct => lifecycle.GetAsync(caller.Tenant.Id, id, AccountKind.Internal, null, ct), change,
            http.RequestAborted);
        var view = await directory.ViewAsync(account, http.RequestAborted);
        return Results.Json(InternalAccountMapper.ToWire(view, caller.Tenant.Name, custody.Value), InternalJson.Options);
    }

    public static async Task<IResult> Delete(HttpContext http, string id, AccountLifecycle lifecycle)
    {
        var caller = InternalCaller.Of(http);
        await lifecycle.CloseAsync(ct => lifecycle.GetAsync(caller.Tenant.Id, id, AccountKind.Internal, null, ct), null, http.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>Trimmed text of at most 100 characters; a present but blank value is refused, never stored.</summary>
    private static string? Text(string? value, string field, bool required)
    {
        if (value is null)
        {
            return required ? throw DomainException.Invalid(field, $"{field} is required") : null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw DomainException.Invalid(field, $"{field} must not be empty");
        }

        return trimmed.Length > MaxTextLength
            ? throw DomainException.Invalid(field, $"{field} must not exceed {MaxTextLength} characters")
            : trimmed;
    }
}

public sealed record InternalCreateRequest(
    string? IdentityId,
    string? ExternalId,
    string? Type,
    string? Custody,
    string? Currency,
    string? Name,
    string? ParentId);

/// <summary>PATCH body: only these fields may be sent; an absent or null field is left unchanged.</summary>
public sealed record InternalUpdateRequest(string? Name, string? ExternalId, string? Status);

/// <summary>Seed 002's list body: <c>{"pagination": {"pagination": {count, next, previous, total}, "results": [...]}}</c>.</summary>
public sealed record InternalListResponse(InternalPage Pagination);

public sealed record InternalPage(InternalPagination Pagination, IReadOnlyList<InternalAccount> Results);

/// <summary>
/// <see cref="Count"/> accounts on this page of <see cref="Total"/> matches; <see cref="Next"/> and <see cref="Previous"/>
/// are opaque cursors to pass back as <c>next</c>, null where there is no such page.
/// </summary>
public sealed record InternalPagination(int Count, string? Next, string? Previous, int Total);
