using System.Globalization;
using System.Text.Json.Nodes;
using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// Completes each generated operation from its <see cref="OperationDoc"/> (found by function name): headers and query
/// parameters the handler reads by hand, the request body, every status with the dialect's body, examples and security.
/// </summary>
public sealed class DialectOperationTransformer(DialectDoc dialect) : IOpenApiOperationTransformer
{
    private static readonly System.Text.Json.JsonSerializerOptions ProblemJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var function = metadata.OfType<HttpFunctionMetadata>().FirstOrDefault()?.FunctionName;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        if (function is null || !dialect.Operations.TryGetValue(function, out var doc))
        {
            return Task.CompletedTask;
        }

        // A route served with two methods (Nuban close-static: DELETE and POST) is two operations; ids must be unique.
        var methods = metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        operation.OperationId = methods.Count > 1 ? function + "_" + context.Description.HttpMethod : function;
        operation.Summary = doc.Summary;
        operation.Description = doc.Description;

        operation.Parameters ??= [];
        foreach (var parameter in doc.Parameters)
        {
            // Query values the handler binds (as text, to answer a bad one in its envelope) are already listed: describe them.
            var generated = operation.Parameters.Where(p => p.Name == parameter.Name && p.In == parameter.In).ToList();
            generated.ForEach(p => operation.Parameters.Remove(p));
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.In,
                Required = parameter.Required,
                Description = parameter.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = parameter.Example is null ? null : JsonValue.Create(parameter.Example),
            });
        }

        operation.RequestBody = doc.Request is null ? null : new OpenApiRequestBody
        {
            Required = !doc.RequestOptional,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = WireSchemas.Schema(doc.Request, dialect.Json, response: false, document), Example = Parse(doc.RequestExample) },
            },
        };

        operation.Responses = new OpenApiResponses();
        var first = true;
        foreach (var (status, type) in doc.Responses.OrderBy(r => r.Key))
        {
            operation.Responses[Code(status)] = Response(Description(status), type is null ? null : "application/json",
                type is null ? null : WireSchemas.Schema(type, dialect.Json, response: true, document), first ? Parse(doc.ResponseExample) : null);
            first = false;
        }

        var errors = doc.OwnErrorsOnly ? doc.Errors : dialect.CommonErrors.Concat(doc.Errors).Concat(dialect.ProblemStatuses);
        foreach (var status in errors.Distinct().Order())
        {
            var response = dialect.ProblemStatuses.Contains(status)
                ? Response(Description(status), "application/problem+json", WireSchemas.Schema(typeof(ProblemDetails), ProblemJson, response: false, document), null)
                : Response(Description(status), dialect.ErrorContentType,
                    WireSchemas.Schema(doc.ErrorBody ?? dialect.ErrorBody, dialect.Json, response: true, document),
                    doc.ErrorBody is null ? Parse(dialect.ErrorExample) : null);
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before retrying.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                };
            }

            operation.Responses[Code(status)] = response;
        }

        operation.Security = doc.Security.Count == 0 ? [] :
        [
            new OpenApiSecurityRequirement
            {
                // Every listed scheme at once (one requirement object): e.g. Zoqq's API key and its bearer token.
                // The indexer fills the requirement scheme by scheme.
            },
        ];
        foreach (var scheme in doc.Security)
        {
            operation.Security[0][new OpenApiSecuritySchemeReference(scheme, document)] = [];
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(string description, string? contentType, IOpenApiSchema? schema, JsonNode? example) => new()
    {
        Description = description,
        Content = contentType is null ? null : new Dictionary<string, OpenApiMediaType>
        {
            [contentType] = new() { Schema = schema, Example = example },
        },
    };

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static string Description(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "The request is malformed or a field is invalid; the message names it.",
        401 => "A credential is missing or not valid.",
        403 => "The account does not allow the operation (closed, or not yours to change).",
        404 => "Not found, or not visible to this caller.",
        409 => "Conflicts with the current state or a request with the same idempotency key.",
        410 => "Gone: expired.",
        413 => "The body is too large.",
        415 => "The body is not application/json.",
        500 => "An unexpected error; it has been logged and no details are shown.",
        503 => "Storage is unavailable; retry after Retry-After seconds.",
        _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
    };
}
