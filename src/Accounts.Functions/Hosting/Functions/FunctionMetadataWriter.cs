using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Accounts.Functions.Hosting.Functions;

/// <summary>Writes <c>{root}/{FunctionName}/function.json</c>, the layout the Functions host scans.</summary>
public static class FunctionMetadataWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // These files are read by the host, never rendered as HTML; keep '+' and '<' readable in schedules and routes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string ToJson(FunctionDefinition function)
    {
        var bindings = new JsonArray(function.Bindings.Select(b => (JsonNode?)b.ToJson()).ToArray());
        return new JsonObject { ["bindings"] = bindings }.ToJsonString(JsonOptions) + "\n";
    }

    public static void Write(string root, IReadOnlyList<FunctionDefinition> functions)
    {
        Directory.CreateDirectory(root);
        RemoveStaleFunctions(root, functions);
        foreach (var function in functions)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, function.Name));
            File.WriteAllText(Path.Combine(folder.FullName, "function.json"), ToJson(function), Utf8NoBom);
        }
    }

    /// <summary>
    /// A renamed or removed function must not survive in a reused publish folder, or the host would still
    /// route to it. Only folders holding a function.json are touched, never the app's own files.
    /// </summary>
    private static void RemoveStaleFunctions(string root, IReadOnlyList<FunctionDefinition> functions)
    {
        var current = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (!current.Contains(Path.GetFileName(folder)) && File.Exists(Path.Combine(folder, "function.json")))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
