using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Accounts.Functions.OpenApi;

/// <summary>Title, description, tag and security schemes of one dialect's document.</summary>
public sealed class DialectDocumentTransformer(DialectDoc dialect) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = dialect.Title, Version = "v1", Description = dialect.Description };
        document.Tags = new HashSet<OpenApiTag> { new() { Name = dialect.Title, Description = dialect.Description } };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var scheme in dialect.Security)
        {
            document.Components.SecuritySchemes[scheme.Id] = scheme.ApiKeyHeader is { } header
                ? new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = header, Description = scheme.Description }
                : new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = scheme.Description };
        }

        return Task.CompletedTask;
    }
}
