using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// JSON Schemas of wire types, exported from the very <see cref="JsonSerializerOptions"/> a dialect serializes with,
/// so names (snake_case, camelCase, per-property overrides), nullability and number types are what clients receive.
/// In a response every property that is always written is required; one written only when not null is optional.
/// </summary>
public static class WireSchemas
{
    private static readonly ConcurrentDictionary<(Type, JsonSerializerOptions, bool), string> Cache = new();

    public static JsonObject Node(Type type, JsonSerializerOptions wire, bool response) =>
        (JsonObject)JsonNode.Parse(Cache.GetOrAdd((type, wire, response), key => Export(key.Item1, key.Item2, key.Item3)))!;

    public static IOpenApiSchema Schema(Type type, JsonSerializerOptions wire, bool response, OpenApiDocument document)
    {
        var json = Cache.GetOrAdd((type, wire, response), key => Export(key.Item1, key.Item2, key.Item3));
        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
        return schema is not null && diagnostic is not { Errors.Count: > 0 }
            ? schema
            : throw new InvalidOperationException($"The schema of {type.Name} does not read back: "
                + string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? []));
    }

    private static string Export(Type type, JsonSerializerOptions wire, bool response)
    {
        var options = new JsonSerializerOptions(wire);
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Shape(context.TypeInfo, node, response),
        };
        return options.GetJsonSchemaAsNode(type, exporter).ToJsonString();
    }

    private static JsonNode Shape(JsonTypeInfo type, JsonNode node, bool response)
    {
        // "true" (any JSON, e.g. a JsonElement) is a valid JSON Schema but not an OpenAPI schema object.
        if (node is not JsonObject schema)
        {
            return new JsonObject();
        }

        // A request field the handler needs is checked by the handler (a 400 naming it), not by the deserializer, which
        // accepts a body without it: so no request field is "required" here; the operation's description says which are.
        if (!response)
        {
            schema.Remove("required");
        }
        else if (type.Kind == JsonTypeInfoKind.Object && schema["properties"] is JsonObject)
        {
            var always = type.Properties.Where(p => p.Get is not null && p.ShouldSerialize is null).Select(p => (JsonNode)p.Name).ToArray();
            schema["required"] = new JsonArray(always);
        }

        return schema;
    }
}
