using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Nuban;

/// <summary>The Nuban dialect: seed 003 routes under /v1/accounts, each its own function, plus the expiry timer.</summary>
public static class NubanEndpoints
{
    public static IEndpointRouteBuilder MapNubanEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/v1/accounts")
            .AddEndpointFilter<NubanErrorFilter>()
            .AddEndpointFilter<StartupGateFilter>()
            .AddEndpointFilter<NubanAuthFilter>();
        accounts.MapPost("", NubanCreateApi.CreateCustomer).AsFunction("NubanCreateCustomer");
        accounts.MapGet("", NubanQueryApi.List).AsFunction("NubanListAccounts");
        accounts.MapPost("/static", NubanCreateApi.CreateStatic).AsFunction("NubanCreateStatic");
        accounts.MapPost("/dynamic", NubanCreateApi.CreateDynamic).AsFunction("NubanCreateDynamic");
        accounts.MapGet("/static/{account_number}", NubanQueryApi.GetStatic).AsFunction("NubanGetStatic");
        accounts.MapGet("/dynamic/{account_number}", NubanQueryApi.GetDynamic).AsFunction("NubanGetDynamic");

        // The seed shows close-static as POST in its text and DELETE in its request example: both are served.
        accounts.MapMethods("/static/close", [HttpMethods.Delete, HttpMethods.Post], NubanCloseApi.CloseStatic)
            .AsFunction("NubanCloseStatic");
        accounts.MapDelete("/{account_number}", NubanCloseApi.Close).AsFunction("NubanCloseAccount");

        app.MapFunction(NubanExpiryFunction.Name, FunctionBinding.TimerTrigger("timer", NubanExpiryFunction.Schedule),
            NubanExpiryFunction.HandleAsync);
        return app;
    }
}
