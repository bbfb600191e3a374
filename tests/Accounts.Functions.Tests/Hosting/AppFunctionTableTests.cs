using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>The real app's endpoint table and the function folders generated from it must agree.</summary>
[Collection(AppCollection.Name)]
public sealed class AppFunctionTableTests(AppFixture app)
{
    private IReadOnlyList<RouteEndpoint> Endpoints =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_route_endpoint_is_a_uniquely_named_function_or_handler_only()
    {
        // Throws with the full list of undeclared endpoints, duplicate names and host-route collisions.
        var functions = FunctionMetadataBuilder.Build(Endpoints);

        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_emitted_function_folders_are_exactly_the_functions_the_endpoints_declare()
    {
        var declared = Endpoints
            .Select(e => e.Metadata.GetMetadata<HttpFunctionMetadata>()?.FunctionName ?? e.Metadata.GetMetadata<InvocationFunctionMetadata>()?.FunctionName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        var output = Directory.CreateTempSubdirectory("app-functions-").FullName;
        try
        {
            FunctionMetadataWriter.Write(output, FunctionMetadataBuilder.Build(Endpoints));

            var emitted = Directory.GetDirectories(output).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);
            Assert.Equal(declared, emitted);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task The_readiness_probe_answers_ok()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Outside_Development_the_app_never_starts_its_own_Azurite()
    {
        Assert.Equal(AppFixture.EnvironmentName, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DevelopmentAzurite);
    }
}
