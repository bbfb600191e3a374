using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>Every forwarded route is described, by exactly one document, and every document reads back without errors.</summary>
public sealed partial class OpenApiDocumentTests(DocsAppFixture app) : IClassFixture<DocsAppFixture>
{
    [Fact]
    public async Task Every_mapped_function_route_and_method_is_in_a_served_document_with_its_description()
    {
        var documents = new Dictionary<string, JsonObject>();
        foreach (var dialect in ApiDocuments.All)
        {
            documents[dialect.Name] = await app.DocumentAsync(dialect.Name);
        }

        var functions = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunctionMetadata>() is not null).ToList();
        Assert.NotEmpty(functions);
        var missing = new List<string>();
        foreach (var endpoint in functions)
        {
            var name = endpoint.Metadata.GetMetadata<HttpFunctionMetadata>()!.FunctionName;
            // A group's "" route ends in '/'; routing (and the document) treat it as the same path without it.
            var path = "/" + Constraint().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "}");
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var holders = documents.Where(d => d.Value["paths"]?[path]?[method.ToLowerInvariant()] is not null).ToList();
                if (holders.Count != 1)
                {
                    missing.Add($"{method} {path} ({name}) is in {holders.Count} documents");
                    continue;
                }

                var operation = holders[0].Value["paths"]![path]![method.ToLowerInvariant()]!;
                var statuses = operation["responses"]?.AsObject().Select(r => r.Key).ToList() ?? [];
                if (operation["summary"] is null || !statuses.Any(s => s.StartsWith('5')))
                {
                    missing.Add($"{method} {path} ({name}) has no description in the {holders[0].Key} document (add it to {holders[0].Key}'s OperationDoc list)");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_described_function_exists()
    {
        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<HttpFunctionMetadata>()?.FunctionName).OfType<string>().ToHashSet();
        var stale = ApiDocuments.All.SelectMany(d => d.Operations.Keys.Select(k => $"{d.Name}: {k}")).Where(k => !names.Contains(k.Split(": ")[1])).ToList();
        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Document_is_OpenAPI_3_1_and_reads_back_without_errors(string name)
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync($"/openapi/{name}.json");
        var read = OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic!.SpecificationVersion);
        Assert.NotEmpty(read.Document!.Paths);
        Assert.All(read.Document.Paths.Values.SelectMany(p => p.Operations!.Values), o => Assert.NotEmpty(o.Responses!));
    }

    [Fact]
    public async Task A_body_the_handler_can_do_without_is_documented_as_optional()
    {
        var paths = (await app.DocumentAsync("operator"))["paths"]!;
        // Not required is written as no "required" at all.
        Assert.False(paths["/operator/tenants/{tenantId}/notification-events/{eventId}/resend"]!["post"]!["requestBody"]!["required"]?.GetValue<bool>() ?? false);
        Assert.True(paths["/operator/tenants/{tenantId}/webhook-endpoints"]!["post"]!["requestBody"]!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_document_is_404()
    {
        using var client = app.CreateClient();
        Assert.Equal(404, (int)(await client.GetAsync("/openapi/nope.json")).StatusCode);
    }

    public static TheoryData<string> Names() => new(ApiDocuments.All.Select(d => d.Name));

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
