using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Accounts.Functions.OpenApi;

/// <summary>The served documents: one per dialect, plus the deposit pipeline and the operator routes.</summary>
public static class ApiDocuments
{
    public const string RoutePattern = "/openapi/{documentName}.json";

    public static IReadOnlyList<DialectDoc> All { get; } =
    [
        ZoqqDocument.Doc, NubanDocument.Doc, InternalDocument.Doc, VertexDocument.Doc, DepositsDocument.Doc, OperatorDocument.Doc,
    ];

    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        foreach (var dialect in All)
        {
            services.AddOpenApi(dialect.Name, options =>
            {
                options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

                // Forwarded HTTP functions only: never the host's invocation routes, the readiness probe or these docs.
                options.ShouldInclude = description =>
                    description.ActionDescriptor.EndpointMetadata.OfType<Hosting.Functions.HttpFunctionMetadata>().Any()
                    && dialect.Holds(description.RelativePath ?? string.Empty);
                options.AddDocumentTransformer(new DialectDocumentTransformer(dialect));
                options.AddOperationTransformer(new DialectOperationTransformer(dialect));
            });
        }

        return services;
    }
}
