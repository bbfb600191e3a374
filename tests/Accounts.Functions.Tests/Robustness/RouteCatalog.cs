using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>One mapped route of the app: its methods, its template and the body fields its feature folder reads.</summary>
public sealed record FuzzRoute(string Method, RoutePattern Pattern, IReadOnlyList<string> Fields)
{
    public string Display => $"{Method} {Pattern.RawText}";

    /// <summary>The path with each parameter replaced by <paramref name="value"/>(parameter name), already URL-escaped.</summary>
    public string Path(Func<string, string> value) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => Uri.EscapeDataString(literal.Content),
            RoutePatternParameterPart parameter => value(parameter.Name),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"unexpected route part {part}"),
        }))));
}

/// <summary>
/// Every route the app maps, read from its EndpointDataSource, so a route added later is fuzzed without touching the
/// test. A route's candidate body fields are the properties of the *Request / *Body records in its handler's
/// namespace (the dialect's feature folder), in both snake_case and camelCase.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<FuzzRoute> All(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(method => new FuzzRoute(method, e.RoutePattern, Fields(e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Namespace))))
            .OrderBy(r => r.Display, StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<string> Fields(string? handlerNamespace)
    {
        if (handlerNamespace is null)
        {
            return [];
        }

        var records = typeof(Program).Assembly.GetTypes().Where(t => t.Namespace == handlerNamespace && t.IsClass
            && (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Body", StringComparison.Ordinal)));
        var nested = typeof(Program).Assembly.GetTypes().Where(t => t.DeclaringType?.Namespace == handlerNamespace
            && t.Name.EndsWith("Request", StringComparison.Ordinal));
        return records.Concat(nested)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.DeclaringType != typeof(object) && p.Name != "EqualityContract")
            .SelectMany(p => new[] { JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), JsonNamingPolicy.CamelCase.ConvertName(p.Name) })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
