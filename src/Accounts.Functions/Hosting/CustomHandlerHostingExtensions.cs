using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accounts.Functions.Hosting;

/// <summary>What makes the app an Azure Functions custom handler, and runnable on its own.</summary>
public static class CustomHandlerHostingExtensions
{
    /// <summary>
    /// Call before registering any other service: the Development Azurite hosted service must be the first
    /// hosted service so it starts before anything that touches storage.
    /// </summary>
    public static WebApplicationBuilder AddCustomHandlerHosting(this WebApplicationBuilder builder)
    {
        ListenAddress.Apply(builder.WebHost, builder.Configuration);
        if (!ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            // Standalone no host calls POST /{FunctionName}, so nobody may: those routes answer 404.
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, HostOnlyInvocationPolicy>());
        }

        // Under the Functions host the handler must answer GET / within 30 s and the host itself needs storage
        // before it starts us, so Azurite is only started for a standalone `dotnet run`.
        if (builder.Environment.IsDevelopment() && !ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            builder.Services.AddHostedService<DevelopmentAzurite>();
        }

        return builder;
    }

    /// <summary>Maps <c>GET /</c>, the host's readiness probe: it answers at once and never touches storage.</summary>
    public static WebApplication MapCustomHandlerEndpoints(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Ok(new ReadinessResponse("ok")))
            .AllowAnonymous()
            .HandlerOnly();
        return app;
    }

    /// <summary>
    /// Runs the app, or, with <c>--emit-functions &lt;dir&gt;</c>, writes one function.json folder per function
    /// and returns without starting the server or any hosted service.
    /// </summary>
    public static async Task RunOrEmitFunctionsAsync(this WebApplication app, string[] args)
    {
        var emitDirectory = EmitFunctionsArgument.Find(args);
        if (emitDirectory is null)
        {
            await app.RunAsync();
            return;
        }

        var functions = FunctionMetadataBuilder.Build(((IEndpointRouteBuilder)app).DataSources);
        FunctionMetadataWriter.Write(emitDirectory, functions);
        app.Logger.LogInformation("Wrote {Count} function folders to {Directory}.", functions.Count, Path.GetFullPath(emitDirectory));

        // The console logger writes from a background queue: disposing the app flushes it before the process ends.
        await app.DisposeAsync();
    }
}

public sealed record ReadinessResponse(string Status);
