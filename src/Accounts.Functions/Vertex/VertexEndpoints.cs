using Accounts.Core.Errors;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Vertex;

/// <summary>
/// The Vertex dialect (seed 004): subject <c>svc.account.&lt;partner_id&gt;.&lt;operation&gt;</c> is
/// <c>POST /svc/account/{partner_id}/{operation}</c>; each operation is its own function.
/// </summary>
public static class VertexEndpoints
{
    public static IEndpointRouteBuilder MapVertexEndpoints(this IEndpointRouteBuilder app)
    {
        var svc = app.MapGroup("/svc").AddEndpointFilter<VertexErrorFilter>().AddEndpointFilter<StartupGateFilter>()
            .AddEndpointFilter<VertexAuthFilter>();

        var entity = svc.MapGroup("/entity/{partner_id}");
        entity.MapPost("/create", VertexEntityApi.Create).AsFunction("VertexCreateEntity");
        entity.MapPost("/verify", VertexEntityApi.Verify).AsFunction("VertexVerifyEntity");
        entity.MapPost("/{operation}", UnknownOperation).AsFunction("VertexUnknownEntityOperation");

        var account = svc.MapGroup("/account/{partner_id}");
        account.MapPost("/create", VertexAccountApi.Create).AsFunction("VertexCreateAccount");
        account.MapPost("/get_by_entity", VertexAccountApi.GetByEntity).AsFunction("VertexGetAccountsByEntity");
        account.MapPost("/get_details", VertexAccountApi.GetDetails).AsFunction("VertexGetAccountDetails");
        account.MapPost("/list", VertexTransactionApi.List).AsFunction("VertexListTransactions");
        account.MapPost("/get_transaction", VertexTransactionApi.GetTransaction).AsFunction("VertexGetTransaction");
        account.MapPost("/{operation}", UnknownOperation).AsFunction("VertexUnknownAccountOperation");
        return app;
    }

    /// <summary>Literal routes win over this one, so it answers only subjects the seed does not define, in the error shape.</summary>
    private static IResult UnknownOperation(string operation) =>
        throw DomainException.NotFound($"operation '{operation}' does not exist");
}
