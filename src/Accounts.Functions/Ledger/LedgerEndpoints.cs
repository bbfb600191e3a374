using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Ledger;

/// <summary>The Ledger dialect: seed 002's internal accounts at /accounts, each route its own function.</summary>
public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts")
            .AddEndpointFilter<LedgerErrorFilter>()
            .AddEndpointFilter<StartupGateFilter>()
            .AddEndpointFilter<LedgerAuthFilter>();
        accounts.MapGet("", LedgerAccountsApi.List).AsFunction("LedgerListAccounts");
        accounts.MapPost("", LedgerAccountsApi.Create).AsFunction("LedgerCreateAccount");
        accounts.MapGet("/{id}", LedgerAccountsApi.Get).AsFunction("LedgerGetAccount");
        accounts.MapPatch("/{id}", LedgerAccountsApi.Update).AsFunction("LedgerUpdateAccount");
        accounts.MapDelete("/{id}", LedgerAccountsApi.Delete).AsFunction("LedgerDeleteAccount");
        return app;
    }
}
