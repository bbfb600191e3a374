using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// The body the Functions host posts to <c>/{FunctionName}</c>: <c>{"Data": {...}, "Metadata": {...}}</c>. The host
/// JSON-serializes values again, so a string may arrive as a JSON string whose content is JSON text (double
/// encoded); the documented examples show plain values. Both forms are accepted.
/// </summary>
public sealed class InvocationRequest
{
    private readonly JsonElement _root;

    private InvocationRequest(JsonElement root) => _root = root;

    /// <summary>A body that is not UTF-8 JSON, or holds a string that is not text, is a validation error (400).</summary>
    public static async Task<InvocationRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        Api.JsonText.EnsureReadable(bytes.Span, what: "the invocation body");
        using var document = JsonDocument.Parse(bytes);
        return new InvocationRequest(document.RootElement.Clone());
    }

    /// <summary>An input binding's value with every layer of string encoding removed.</summary>
    public JsonElement Data(string name) => Unwrap(Section("Data", name));

    /// <summary>A trigger metadata value ("DeliveryCount": "1", "MessageId": "\"abc\"" or plain).</summary>
    public JsonElement Metadata(string name) => Unwrap(Section("Metadata", name));

    public int? MetadataInt(string name)
    {
        var value = Metadata(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
            : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out var parsed) ? parsed
            : null;
    }

    /// <summary>Removes string layers while the string holds JSON (an object, array, number or quoted string).</summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        while (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && LooksLikeJson(text))
        {
            try
            {
                using var inner = JsonDocument.Parse(text);
                value = inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                break; // plain text that merely starts like JSON: it is the value itself
            }
        }

        return value;
    }

    private JsonElement Section(string section, string name)
    {
        if (_root.ValueKind != JsonValueKind.Object || !TryGetIgnoreCase(_root, section, out var part) || part.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        return TryGetIgnoreCase(part, name, out var value) ? value : default;
    }

    private static bool TryGetIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && (trimmed[0] is '{' or '[' or '"' || char.IsAsciiDigit(trimmed[0]));
    }
}
