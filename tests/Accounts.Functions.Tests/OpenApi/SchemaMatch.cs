using System.Text.Json.Nodes;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>
/// Checks a real response body against the documented JSON Schema (the subset the documents use: type, properties,
/// required, additionalProperties, items), listing every mismatch with its path.
/// </summary>
public static class SchemaMatch
{
    public static void Assert(JsonObject schema, JsonNode? instance, string what)
    {
        var problems = new List<string>();
        Check(schema, instance, "$", problems);
        Xunit.Assert.True(problems.Count == 0, $"{what} does not match its documented schema:\n" + string.Join("\n", problems));
    }

    private static void Check(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        var kind = KindOf(value);
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => null,
        };
        if (types is not null && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            problems.Add($"{path}: is {kind}, documented as {string.Join("|", types)}");
            return;
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!obj.ContainsKey(required))
                {
                    problems.Add($"{path}.{required}: documented as required, missing");
                }
            }

            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonObject propertySchema)
                {
                    Check(propertySchema, child, $"{path}.{name}", problems);
                }
                else if (schema["additionalProperties"] is JsonObject extra)
                {
                    Check(extra, child, $"{path}.{name}", problems);
                }
                else if (properties is not null || schema["additionalProperties"] is JsonValue)
                {
                    problems.Add($"{path}.{name}: sent but not documented");
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", problems);
            }
        }
    }

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
        JsonValue v when v.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-') => "integer",
        _ => "number",
    };
}
