using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Zoqq;

/// <summary>The Zoqq dialect: seed 000/001 routes under /zoqq/api/v1, each its own function.</summary>
public static class ZoqqEndpoints
{
    public static IEndpointRouteBuilder MapZoqqEndpoints(this IEndpointRouteBuilder app)
    {
        var zoqq = app.MapGroup("/zoqq/api/v1").AddEndpointFilter<ZoqqErrorFilter>().AddEndpointFilter<StartupGateFilter>();
        zoqq.MapPost("/auth/token", ZoqqTokenApi.IssueToken).AsFunction("ZoqqIssueToken");

        var accounts = zoqq.MapGroup("/account").AddEndpointFilter<ZoqqAuthFilter>();
        accounts.MapPost("", ZoqqAccountsApi.Create).AsFunction("ZoqqCreateAccount");
        accounts.MapGet("", ZoqqAccountsApi.List).AsFunction("ZoqqGetAccounts");
        accounts.MapPatch("", ZoqqAccountsApi.Update).AsFunction("ZoqqUpdateAccount");
        accounts.MapDelete("", ZoqqAccountsApi.Close).AsFunction("ZoqqCloseAccount");
        accounts.MapGet("/balance", ZoqqLedgerApi.Balance).AsFunction("ZoqqGetBalance");
        accounts.MapGet("/transactions", ZoqqLedgerApi.Transactions).AsFunction("ZoqqGetTransactions");
        accounts.MapGet("/balance/history", ZoqqLedgerApi.History).AsFunction("ZoqqGetBalanceHistory");
        return app;
    }
}
