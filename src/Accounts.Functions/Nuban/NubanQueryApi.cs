using System.Globalization;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;
using Microsoft.AspNetCore.Mvc;

namespace Accounts.Functions.Nuban;

/// <summary>Get static, get dynamic and list (seed 003).</summary>
public static class NubanQueryApi
{
    public const string DetailMessage = "Virtual account details retrieved successfully";
    public const int DefaultLimit = 10;

    public static Task<IResult> GetStatic(HttpContext http, [FromRoute(Name = "account_number")] string accountNumber,
        NubanAccountDirectory directory, NubanProduct product, AccountLifecycle lifecycle) =>
        GetAsync(http, accountNumber, AccountKind.NubanStatic, directory, product, lifecycle);

    public static Task<IResult> GetDynamic(HttpContext http, [FromRoute(Name = "account_number")] string accountNumber,
        NubanAccountDirectory directory, NubanProduct product, AccountLifecycle lifecycle) =>
        GetAsync(http, accountNumber, AccountKind.NubanDynamic, directory, product, lifecycle);

    /// <summary>Query values are read as text so that a malformed one is a 400 in our envelope naming it.</summary>
    public static async Task<IResult> List(HttpContext http, NubanAccountDirectory directory, NubanProduct product,
        TimeProvider clock, [FromQuery(Name = "account_type")] string? accountType, string? page, string? limit)
    {
        var tenant = NubanCaller.Of(http);
        var kind = accountType?.Trim().ToUpperInvariant() switch
        {
            null or "" => (AccountKind?)null,
            NubanWire.StaticType => AccountKind.NubanStatic,
            NubanWire.DynamicType => AccountKind.NubanDynamic,
            _ => throw DomainException.Invalid("account_type", "account_type must be STATIC or DYNAMIC"),
        };
        var result = await directory.ListAsync(tenant.Id, kind, Number(page, "page", 1), Number(limit, "limit", DefaultLimit),
            http.RequestAborted);
        var now = clock.GetUtcNow();
        return NubanResults.Ok("Accounts retrieved successfully",
            result.Items.Select(a => NubanWire.ListItem(a, tenant, product.Institution, now)).ToList(),
            new NubanMeta(result.Page, result.Limit, result.TotalItems, result.TotalPages));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string accountNumber, AccountKind kind,
        NubanAccountDirectory directory, NubanProduct product, AccountLifecycle lifecycle)
    {
        var tenant = NubanCaller.Of(http);
        var account = await directory.ShowAsync(tenant.Id, NubanAccountNumber.Parse(accountNumber), kind, http.RequestAborted);
        var balance = await lifecycle.BalanceAsync(account, http.RequestAborted);
        return NubanResults.Ok(DetailMessage, NubanWire.Detail(account, balance, tenant, product.Institution));
    }

    private static int Number(string? text, string field, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw DomainException.Invalid(field, $"{field} must be a whole number");
    }
}
