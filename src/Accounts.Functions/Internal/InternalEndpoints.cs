using System.Text.Json;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Internal;

/// <summary>The Internal dialect: seed 002's internal accounts at /accounts, each route its own function.</summary>
public static class InternalEndpoints
{
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts")
            .AddEndpointFilter<InternalErrorFilter>()
            .AddEndpointFilter<StartupGateFilter>()
            .AddEndpointFilter<InternalAuthFilter>();
        accounts.MapGet("", InternalAccountsApi.List).AsFunction("InternalListAccounts");
        accounts.MapPost("", InternalAccountsApi.Create).AsFunction("InternalCreateAccount");
        accounts.MapGet("/{id}", InternalAccountsApi.Get).AsFunction("InternalGetAccount");
        accounts.MapPatch("/{id}", InternalAccountsApi.Update).AsFunction("InternalUpdateAccount");
        accounts.MapDelete("/{id}", InternalAccountsApi.Delete).AsFunction("InternalDeleteAccount");
        return app;
    }
}

/// <summary>Seed 002's wire format: camelCase names, nulls written out, unknown request fields refused.</summary>
public static class InternalJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.CamelCase);
}
