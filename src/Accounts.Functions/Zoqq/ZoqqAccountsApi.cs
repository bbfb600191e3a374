using Accounts.Core.Errors;
using Accounts.Core.Global;
using Accounts.Core.Idempotency;
using Accounts.Core.Routing;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>
/// Create, list, update and close of Zoqq global accounts (seed 001). Mutations run to the end even if the caller
/// disconnects, so their outcome is stored under the idempotency key rather than left half done.
/// </summary>
public static class ZoqqAccountsApi
{
    private const int MaxLabelLength = 100;

    public static async Task<IResult> Create(HttpContext http, GlobalAccountService service, IdempotencyService idempotency,
        InstitutionCatalog catalog)
    {
        var caller = ZoqqCaller.Of(http);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        var request = JsonBody.Parse<ZoqqAccountRequest>(body, ZoqqJson.Options);
        var open = new OpenGlobalAccount(Required(request.Type, "type"), Required(request.Country, "country"),
            Required(request.Currency, "currency"), Label(request.Label, required: false),
            ZoqqAccountMapper.ToFeatures(request.RequiredFeatures));
        return await ZoqqIdempotency.RunAsync(http, idempotency, "create", body, null, async accountId =>
        {
            var account = await service.OpenAsync(caller.Tenant.Id, caller.UserId, accountId, caller.Tenant.Name, open, CancellationToken.None);
            return ZoqqResults.SuccessJson("virtual_account created successfully", new[] { ZoqqAccountMapper.ToWire(account, catalog) });
        });
    }

    public static async Task<IResult> List(HttpContext http, GlobalAccountService service, InstitutionCatalog catalog,
        string? id, string? currency, string? status)
    {
        var caller = ZoqqCaller.Of(http);
        var filter = new GlobalAccountFilter(string.IsNullOrWhiteSpace(id) ? null : id.Trim(),
            string.IsNullOrWhiteSpace(currency) ? null : currency, ZoqqAccountMapper.ParseStatus(status));
        var accounts = await service.ListAsync(caller.Tenant.Id, caller.UserId, filter, http.RequestAborted);
        if (filter.Id is not null && accounts.Count == 0)
        {
            // Asking for one account by id is "get account details": an id the user does not own is not found.
            await service.GetOwnedAsync(caller.Tenant.Id, caller.UserId, filter.Id, http.RequestAborted);
        }

        return ZoqqResults.Success(string.Empty, accounts.Select(a => ZoqqAccountMapper.ToWire(a, catalog)).ToList());
    }

    public static async Task<IResult> Update(HttpContext http, GlobalAccountService service, IdempotencyService idempotency,
        InstitutionCatalog catalog)
    {
        var caller = ZoqqCaller.Of(http);
        var accountId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.AccountId);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        var request = JsonBody.Parse<ZoqqAccountRequest>(body, ZoqqJson.Options);
        var label = Label(request.Label, required: true)!;
        return await ZoqqIdempotency.RunAsync(http, idempotency, "update", body, accountId, async _ =>
        {
            var current = await service.GetOwnedAsync(caller.Tenant.Id, caller.UserId, accountId, CancellationToken.None);
            EnsureUnchanged(request, current, catalog);
            var account = await service.RelabelAsync(caller.Tenant.Id, caller.UserId, accountId, label, CancellationToken.None);
            return ZoqqResults.SuccessJson("virtual_account updated successfully", new[] { ZoqqAccountMapper.ToWire(account, catalog) });
        });
    }

    public static async Task<IResult> Close(HttpContext http, GlobalAccountService service, IdempotencyService idempotency)
    {
        var caller = ZoqqCaller.Of(http);
        var accountId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.AccountId);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        return await ZoqqIdempotency.RunAsync(http, idempotency, "close", body, accountId, async _ =>
        {
            await service.CloseAsync(caller.Tenant.Id, caller.UserId, accountId, CancellationToken.None);
            return ZoqqResults.SuccessJson<object?>("virtual_account closed successfully", null);
        });
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field, $"{field} is required") : value.Trim();

    private static string? Label(string? label, bool required)
    {
        if (label is null)
        {
            return required ? throw DomainException.Invalid("label", "label is required") : null;
        }

        return label.Length > MaxLabelLength
            ? throw DomainException.Invalid("label", $"label must not exceed {MaxLabelLength} characters")
            : label;
    }

    /// <summary>Only the label can change; the other create fields may be repeated but must equal the account's.</summary>
    private static void EnsureUnchanged(ZoqqAccountRequest request, Core.Accounts.Account account, InstitutionCatalog catalog)
    {
        var wire = ZoqqAccountMapper.ToWire(account, catalog);
        Same("type", request.Type, account.Type);
        Same("country", request.Country, account.Country);
        Same("currency", request.Currency, account.Currency);
        if (request.RequiredFeatures is not null)
        {
            var asked = ZoqqAccountMapper.ToFeatures(request.RequiredFeatures).Select(f => (f.Currency, f.TransferMethod));
            var held = wire.RequiredFeatures.Select(f => (f.Currency, f.TransferMethod));
            if (!asked.OrderBy(f => f).SequenceEqual(held.OrderBy(f => f)))
            {
                throw DomainException.Invalid("required_features", "required_features cannot be changed; only label can be updated");
            }
        }
    }

    private static void Same(string field, string? asked, string held)
    {
        if (asked is not null && !asked.Trim().Equals(held, StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid(field, $"{field} cannot be changed; only label can be updated");
        }
    }
}

/// <summary>Body of create (all fields) and update (label; the others, if sent, must equal the account's).</summary>
public sealed record ZoqqAccountRequest(
    string? Type,
    string? Country,
    string? Currency,
    string? Label,
    IReadOnlyList<ZoqqFeatureRequest?>? RequiredFeatures);

public sealed record ZoqqFeatureRequest(string? Currency, string? TransferMethod);
