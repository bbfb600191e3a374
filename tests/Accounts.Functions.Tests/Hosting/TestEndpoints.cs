using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>Builds a throwaway app's endpoint table, the same input the publish step reads.</summary>
internal static class TestEndpoints
{
    public static readonly Delegate Ok = () => Results.Ok();

    public static IReadOnlyList<Endpoint> Map(Action<WebApplication> map)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        map(app);
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToList();
    }
}
