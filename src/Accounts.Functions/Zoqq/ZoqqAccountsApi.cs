using Accounts.Core.Accounts;
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
    /// <summary>The only product type Zoqq offers; stored as the account's type.</summary>
    public const string VirtualAccountType = "virtual_account";

    private const int MaxLabelLength = 100;

    public static async Task<IResult> Create(HttpContext http, GlobalProduct product, IdempotencyKeys idempotency,
        InstitutionCatalog catalog)
    {
        var caller = ZoqqCaller.Of(http);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        var request = JsonBody.Parse<ZoqqAccountRequest>(body, ZoqqJson.Options);
        var type = Required(request.Type, "type");
        var open = new OpenGlobalAccount(Required(request.Country, "country"),
            Required(request.Currency, "currency"), Label(request.Label, required: false),
            ZoqqAccountMapper.ToFeatures(request.RequiredFeatures));
        return await ZoqqIdempotency.RunAsync(http, idempotency, "create", body, null, async accountId =>
        {
            if (type != VirtualAccountType)
            {
                throw DomainException.Invalid("type", $"type must be \"{VirtualAccountType}\"");
            }

            var account = await product.OpenAsync(caller.Tenant.Id, caller.UserId, accountId, caller.Tenant.Name, VirtualAccountType, open,
                CancellationToken.None);
            return ZoqqResults.SuccessJson("virtual_account created successfully", new[] { ZoqqAccountMapper.ToWire(account, catalog) });
        });
    }

    /// <summary>One page (page, size as in Zoqq's transaction lists) of the caller's accounts, oldest first.</summary>
    public static async Task<IResult> List(HttpContext http, GlobalProduct product, InstitutionCatalog catalog, string? id,
        string? currency, string? status, string? page, string? size)
    {
        var caller = ZoqqCaller.Of(http);
        var filter = new GlobalAccountFilter(string.IsNullOrWhiteSpace(id) ? null : id.Trim(),
            string.IsNullOrWhiteSpace(currency) ? null : currency, ZoqqAccountMapper.ParseStatus(status));
        var (pageNumber, pageSize) = ZoqqPaging.Page(page, size);
        var accounts = await product.ListAsync(caller.Tenant.Id, caller.UserId, filter, pageNumber, pageSize, http.RequestAborted);
        return ZoqqResults.Success(string.Empty, accounts.Select(a => ZoqqAccountMapper.ToWire(a, catalog)).ToList());
    }

    public static async Task<IResult> Update(HttpContext http, AccountLifecycle lifecycle, IdempotencyKeys idempotency,
        InstitutionCatalog catalog)
    {
        var caller = ZoqqCaller.Of(http);
        var accountId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.AccountId);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        var request = JsonBody.Parse<ZoqqAccountRequest>(body, ZoqqJson.Options);
        var label = Label(request.Label, required: true)!;
        return await ZoqqIdempotency.RunAsync(http, idempotency, "update", body, accountId, async _ =>
        {
            var owned = (CancellationToken ct) => lifecycle.GetAsync(caller.Tenant.Id, accountId, AccountKind.Global, caller.UserId, ct);
            EnsureUnchanged(request, await owned(CancellationToken.None), catalog);
            var account = await lifecycle.UpdateAsync(owned, new AccountChange(Label: label), CancellationToken.None);
            return ZoqqResults.SuccessJson("virtual_account updated successfully", new[] { ZoqqAccountMapper.ToWire(account, catalog) });
        });
    }

    public static async Task<IResult> Close(HttpContext http, AccountLifecycle lifecycle, IdempotencyKeys idempotency)
    {
        var caller = ZoqqCaller.Of(http);
        var accountId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.AccountId);
        var body = await JsonBody.ReadTextAsync(http.Request, http.RequestAborted);
        return await ZoqqIdempotency.RunAsync(http, idempotency, "close", body, accountId, async _ =>
        {
            await lifecycle.CloseAsync(ct => lifecycle.GetAsync(caller.Tenant.Id, accountId, AccountKind.Global, caller.UserId, ct), null,
                CancellationToken.None);
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
    private static void EnsureUnchanged(ZoqqAccountRequest request, Account account, InstitutionCatalog catalog)
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
