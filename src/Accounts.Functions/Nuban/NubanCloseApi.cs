using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;
using Accounts.Functions.Api;
using Microsoft.AspNetCore.Mvc;

namespace Accounts.Functions.Nuban;

/// <summary>Closing is permanent; a closed account answers 403 to every later operation, closing included.</summary>
public static class NubanCloseApi
{
    public const string ClosedMessage = "Virtual account closed successfully";
    public const int MaxNoteLength = 200;

    /// <summary>DELETE or POST /v1/accounts/static/close with {account_number, note}: static accounts only.</summary>
    public static async Task<IResult> CloseStatic(HttpContext http, NubanAccountDirectory directory, NubanProduct product,
        AccountLifecycle lifecycle)
    {
        var request = JsonBody.Parse<NubanCloseRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), NubanJson.Options);
        var accountNumber = NubanAccountNumber.Parse(request.AccountNumber);
        return await CloseAsync(http, accountNumber, AccountKind.NubanStatic, request.Note, directory, product, lifecycle);
    }

    /// <summary>DELETE /v1/accounts/{account_number}: any NUBAN account, static or dynamic (expired ones too).</summary>
    public static Task<IResult> Close(HttpContext http, [FromRoute(Name = "account_number")] string accountNumber,
        NubanAccountDirectory directory, NubanProduct product, AccountLifecycle lifecycle) =>
        CloseAsync(http, NubanAccountNumber.Parse(accountNumber), null, null, directory, product, lifecycle);

    private static async Task<IResult> CloseAsync(HttpContext http, string accountNumber, AccountKind? kind, string? note,
        NubanAccountDirectory directory, NubanProduct product, AccountLifecycle lifecycle)
    {
        var tenant = NubanCaller.Of(http);
        if (note is { Length: > MaxNoteLength })
        {
            throw DomainException.Invalid("note", $"note must be at most {MaxNoteLength} characters");
        }

        var account = await directory.CloseAsync(tenant.Id, accountNumber, kind, note, http.RequestAborted);
        var balance = await lifecycle.BalanceAsync(account, http.RequestAborted);
        return NubanResults.Ok(ClosedMessage, NubanWire.Detail(account, balance, tenant, product.Institution));
    }
}

/// <summary>
/// DELETE or POST /v1/accounts/static/close. The seed documents <c>account_number</c> as a number and shows it
/// unquoted, while every other route treats it as a string: both are accepted.
/// </summary>
public sealed record NubanCloseRequest(JsonElement? AccountNumber, string? Note);
