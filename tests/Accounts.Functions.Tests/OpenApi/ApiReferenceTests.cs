using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.OpenApi;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>/docs and /openapi: served when switched on, absent when off, and never Functions host functions.</summary>
public sealed class ApiReferenceTests(DocsAppFixture app) : IClassFixture<DocsAppFixture>
{
    [Fact]
    public async Task Docs_page_lists_every_document()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/docs/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        // Scalar's script resolves these against the site root, so the page loads /openapi/{name}.json.
        Assert.All(ApiDocuments.All, d => Assert.Contains($"\"url\":\"openapi/{d.Name}.json\"", html, StringComparison.Ordinal));
        Assert.All(ApiDocuments.All, d => Assert.Contains(d.Title, html, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_and_documents_are_not_functions_and_do_not_break_function_generation()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var docs = endpoints.Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("docs", StringComparison.Ordinal)
            || e.RoutePattern.RawText!.TrimStart('/').StartsWith("openapi", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(docs);
        Assert.All(docs, e => Assert.NotNull(e.Metadata.GetMetadata<HandlerOnlyMetadata>()));

        var functions = FunctionMetadataBuilder.Build(endpoints);
        Assert.DoesNotContain(functions, f => f.Name.Contains("openapi", StringComparison.OrdinalIgnoreCase)
            || f.Name.Contains("scalar", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Testing", null, false)]
    public void On_in_Development_and_switchable_by_configuration(string environment, string? setting, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new(ApiReference.EnabledKey, setting)]).Build();
        Assert.Equal(enabled, ApiReference.IsEnabled(configuration, new Environment(environment)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Accounts.Functions";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>The Testing environment leaves the reference off: neither the page nor the documents exist.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiReferenceOffTests(AppFixture app)
{
    [Theory]
    [InlineData("/docs/")]
    [InlineData("/openapi/zoqq.json")]
    public async Task Off_by_default_outside_Development(string path)
    {
        using var client = app.CreateClient();
        Assert.Equal(404, (int)(await client.GetAsync(path)).StatusCode);
    }
}
