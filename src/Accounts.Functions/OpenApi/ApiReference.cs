using Accounts.Functions.Hosting;
using Scalar.AspNetCore;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// The OpenAPI documents at <c>/openapi/{name}.json</c> and the Scalar reference page at <c>/docs</c>: on in Development,
/// elsewhere only with <c>ApiReference:Enabled=true</c>. Both are handler-only, for a standalone run (<c>dotnet run</c>,
/// a container): function.json files are generated at publish time from the Production endpoint table, and the Functions
/// host forwards only function routes, so under the host they are never reachable.
/// </summary>
public static class ApiReference
{
    public const string EnabledKey = "ApiReference:Enabled";
    public const string PagePath = "/docs";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiDocuments();
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration, app.Environment))
        {
            return app;
        }

        app.MapOpenApi(ApiDocuments.RoutePattern).HandlerOnly();
        app.MapScalarApiReference(PagePath, options =>
        {
            options.WithTitle("Accounts API").WithOpenApiRoutePattern(ApiDocuments.RoutePattern);
            foreach (var document in ApiDocuments.All)
            {
                options.AddDocument(document.Name, document.Title, isDefault: document == ApiDocuments.All[0]);
            }
        }).HandlerOnly();
        return app;
    }
}
