using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Routing.Matching;

namespace Accounts.Functions.Hosting;

/// <summary>
/// Standalone (not under the Functions host), takes every JSON-invocation endpoint (<c>POST /{FunctionName}</c> of
/// <see cref="FunctionEndpointExtensions.MapFunction"/>) out of routing, so it answers 404 to any method. Those endpoints
/// trust their caller to be the host: ApplyDeposit credits whatever tenant and amount the body names. Under the host the
/// handler listens on 127.0.0.1 only (<see cref="ListenAddress"/>), the only address the host calls.
/// <para>
/// The endpoints stay in the endpoint table, so <c>--emit-functions</c> (which runs standalone) still writes their
/// function.json files and <see cref="FunctionMetadataBuilder"/> still checks them.
/// </para>
/// </summary>
internal sealed class HostOnlyInvocationPolicy : MatcherPolicy, INodeBuilderPolicy
{
    // Before the HTTP method policy (-1000): otherwise a GET would be answered 405 and reveal the route.
    public override int Order => -10_000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Any(IsInvocation);

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints) =>
        [new PolicyNodeEdge(nameof(HostOnlyInvocationPolicy), endpoints.Where(e => !IsInvocation(e)).ToList())];

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges) =>
        new SingleDestination(edges[0].Destination);

    private static bool IsInvocation(Endpoint endpoint) => endpoint.Metadata.GetMetadata<InvocationFunctionMetadata>() is not null;

    private sealed class SingleDestination(int destination) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) => destination;
    }
}
