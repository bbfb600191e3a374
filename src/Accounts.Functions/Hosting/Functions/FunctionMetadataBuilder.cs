using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Template;

namespace Accounts.Functions.Hosting.Functions;

/// <summary>
/// Derives the function definitions from the app's endpoint table, the single source of truth.
/// Every problem is collected and reported at once, so publish fails with the whole list.
/// </summary>
public static partial class FunctionMetadataBuilder
{
    // With routePrefix "" these would shadow the host's own admin and webhook APIs.
    private static readonly string[] ReservedFirstSegments = ["admin", "runtime"];

    public static IReadOnlyList<FunctionDefinition> Build(IEnumerable<EndpointDataSource> dataSources) =>
        Build(dataSources.SelectMany(d => d.Endpoints));

    public static IReadOnlyList<FunctionDefinition> Build(IEnumerable<Endpoint> endpoints)
    {
        var problems = new List<string>();
        var functions = new List<FunctionDefinition>();
        var hostRoutes = new List<(string Function, string Route, IReadOnlyList<string> Methods)>();

        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var display = endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "(unnamed endpoint)";
            var http = endpoint.Metadata.GetMetadata<HttpFunctionMetadata>();
            var invocation = endpoint.Metadata.GetMetadata<InvocationFunctionMetadata>();
            var handlerOnly = endpoint.Metadata.GetMetadata<HandlerOnlyMetadata>() is not null;
            var declarations = (http is null ? 0 : 1) + (invocation is null ? 0 : 1) + (handlerOnly ? 1 : 0);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var route = HostRouteTemplate.From(endpoint.RoutePattern);

            if (declarations == 0)
            {
                problems.Add($"{display} is neither a function (.AsFunction(\"Name\") or MapFunction) nor .HandlerOnly().");
            }
            else if (declarations > 1)
            {
                problems.Add($"{display} is declared more than one way (function, invocation function, handler-only); pick one.");
            }
            else if (http is not null)
            {
                var before = problems.Count;
                CheckForwardedRoute(display, route, methods, problems);
                if (problems.Count == before)
                {
                    functions.Add(new FunctionDefinition(
                        http.FunctionName,
                        [FunctionBinding.HttpTrigger(route, methods), FunctionBinding.HttpOutput()]));
                    hostRoutes.Add((http.FunctionName, route, methods));
                }
            }
            else if (invocation is not null)
            {
                // The host posts JSON invocations to exactly /{FunctionName}, whatever the trigger is.
                if (route != invocation.FunctionName || methods is not ["POST"])
                {
                    problems.Add($"{display} receives invocations of '{invocation.FunctionName}', so it must be exactly POST /{invocation.FunctionName}.");
                }
                else
                {
                    functions.Add(new FunctionDefinition(invocation.FunctionName, invocation.Bindings));
                }
            }
        }

        CheckDuplicateNames(functions, problems);
        CheckHostRouteCollisions(hostRoutes, problems);
        CheckInvocationPathsAreUnreachable(hostRoutes, functions, problems);
        if (problems.Count > 0)
        {
            throw new FunctionMetadataException(problems);
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static void CheckForwardedRoute(string display, string route, IReadOnlyList<string> methods, List<string> problems)
    {
        if (methods.Count == 0)
        {
            problems.Add($"{display} accepts any HTTP method; map it with MapGet/MapPost/... so the function can declare its methods.");
        }

        var firstSegment = route.Split('/')[0];
        if (route.Length == 0)
        {
            // An empty function.json route means "the function name", not "/".
            problems.Add($"{display} is the root path, which cannot be a function route.");
        }
        else if (ReservedFirstSegments.Contains(firstSegment, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{display} starts with '{firstSegment}/', which the Functions host reserves.");
        }
    }

    private static void CheckDuplicateNames(List<FunctionDefinition> functions, List<string> problems)
    {
        // The host and case-insensitive file systems treat names case-insensitively.
        foreach (var group in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{group.Key}' is used by {group.Count()} endpoints; names must be unique.");
        }
    }

    private static void CheckHostRouteCollisions(
        List<(string Function, string Route, IReadOnlyList<string> Methods)> routes,
        List<string> problems)
    {
        // Constraints are dropped from host routes, so two endpoints that ASP.NET tells apart by a constraint
        // can become the same host route; the host would then pick one function arbitrarily.
        for (var i = 0; i < routes.Count; i++)
        {
            for (var j = i + 1; j < routes.Count; j++)
            {
                var (a, b) = (routes[i], routes[j]);
                if (string.Equals(Shape(a.Route), Shape(b.Route), StringComparison.OrdinalIgnoreCase) &&
                    a.Methods.Intersect(b.Methods, StringComparer.OrdinalIgnoreCase).Any())
                {
                    problems.Add($"Functions '{a.Function}' and '{b.Function}' share the host route '{a.Route}' for the same method.");
                }
            }
        }
    }

    /// <summary>
    /// Invocation endpoints (e.g. applying a deposit) trust their caller to be the host. A forwarded route that
    /// could match <c>/{FunctionName}</c> would let the public reach them through the host.
    /// </summary>
    private static void CheckInvocationPathsAreUnreachable(
        List<(string Function, string Route, IReadOnlyList<string> Methods)> routes,
        List<FunctionDefinition> functions,
        List<string> problems)
    {
        var forwarded = routes.Select(r => r.Function).ToHashSet(StringComparer.Ordinal);
        var invocationNames = functions.Select(f => f.Name).Where(n => !forwarded.Contains(n)).ToList();
        foreach (var (function, route, methods) in routes.Where(r => r.Methods.Contains("POST", StringComparer.OrdinalIgnoreCase)))
        {
            // The host matches function routes with ASP.NET's template semantics, so ask the same matcher.
            var matcher = new TemplateMatcher(TemplateParser.Parse(route), []);
            foreach (var name in invocationNames.Where(n => matcher.TryMatch("/" + n, [])))
            {
                problems.Add($"Function '{function}' (route '{route}') would forward public requests to the invocation endpoint POST /{name}.");
            }
        }
    }

    // Parameter names do not matter to matching: "accounts/{id}" and "accounts/{number}" are the same host route.
    private static string Shape(string route) => ParameterName().Replace(route, "{$1$2}");

    [GeneratedRegex(@"\{(\*?)[^{}?]*(\??)\}")]
    private static partial Regex ParameterName();
}

/// <summary>The endpoint table and the functions it declares disagree; publishing must stop.</summary>
public sealed class FunctionMetadataException(IReadOnlyList<string> problems)
    : Exception("The endpoint table cannot be turned into function.json files:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
