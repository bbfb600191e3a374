using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// The body the Functions host posts to <c>/{FunctionName}</c>: <c>{"Data": {...}, "Metadata": {...}}</c>. The host
/// JSON-serializes values again, so a string may arrive as a JSON string whose content is JSON text (double
/// encoded); the documented examples show plain values. Both forms are accepted.
/// <para>
/// It is read and checked whole, before the handler runs (<see cref="InvocationFilter"/>), so a handler never meets a
/// malformed value: anything the host could not have sent throws <see cref="InvalidInvocationException"/>.
/// </para>
/// </summary>
public sealed class InvocationRequest
{
    private const string HttpTriggerType = "httpTrigger";

    private readonly Dictionary<string, JsonElement> _data;
    private readonly Dictionary<string, JsonElement> _metadata;
    private readonly Dictionary<string, InvocationHttpRequest> _httpTriggers;

    private InvocationRequest(Dictionary<string, JsonElement> data, Dictionary<string, JsonElement> metadata,
        Dictionary<string, InvocationHttpRequest> httpTriggers)
    {
        _data = data;
        _metadata = metadata;
        _httpTriggers = httpTriggers;
    }

    /// <summary>The invocation <see cref="InvocationFilter"/> read for this request.</summary>
    public static InvocationRequest Of(HttpContext http) =>
        http.Features.Get<InvocationRequest>()
        ?? throw new InvalidOperationException($"No invocation was read for {http.Request.Path}: map the endpoint with MapFunction.");

    public static async Task<InvocationRequest> ReadAsync(HttpRequest request, IReadOnlyList<FunctionBinding> bindings, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
        {
            throw new InvalidInvocationException("the body is empty");
        }

        body.Position = 0;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"the body is not JSON ({ex.Message})");
        }

        using (document)
        {
            return Read(document.RootElement, bindings);
        }
    }

    /// <summary>
    /// Checks the envelope against the function's bindings: <c>Data</c> is an object holding the trigger's value,
    /// <c>Metadata</c> (when sent) an object, every text decodes, and an HTTP trigger's request has the host's shape.
    /// </summary>
    private static InvocationRequest Read(JsonElement root, IReadOnlyList<FunctionBinding> bindings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"the body is {InvocationJson.Describe(root.ValueKind)}, not an object");
        }

        InvocationJson.CheckText(root, string.Empty);
        var data = Section(root, "Data", required: true);
        var metadata = Section(root, "Metadata", required: false);
        var httpTriggers = new Dictionary<string, InvocationHttpRequest>(StringComparer.OrdinalIgnoreCase);
        foreach (var trigger in bindings.Where(b => b.IsTrigger))
        {
            if (!data.TryGetValue(trigger.Name, out var value))
            {
                throw new InvalidInvocationException($"Data has no '{trigger.Name}' (the {trigger.Type} value)");
            }

            if (trigger.Type == HttpTriggerType)
            {
                httpTriggers[trigger.Name] = InvocationHttpRequest.Read(value, "Data." + trigger.Name);
            }
            else if (trigger.IsBatch && value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInvocationException(
                    $"Data.{trigger.Name} is {InvocationJson.Describe(value.ValueKind)}, not an array (the trigger has cardinality many)");
            }
        }

        return new InvocationRequest(data, metadata, httpTriggers);
    }

    /// <summary>An input binding's value with every layer of string encoding removed (Undefined when absent).</summary>
    public JsonElement Data(string name) => _data.GetValueOrDefault(name);

    /// <summary>A trigger metadata value ("DeliveryCount": "1", "MessageId": "\"abc\"" or plain), Undefined when absent.</summary>
    public JsonElement Metadata(string name) => _metadata.GetValueOrDefault(name);

    /// <summary>The request of the function's HTTP trigger binding <paramref name="name"/>.</summary>
    public InvocationHttpRequest HttpTrigger(string name) =>
        _httpTriggers.TryGetValue(name, out var request)
            ? request
            : throw new InvalidOperationException($"'{name}' is not an {HttpTriggerType} binding of this function.");

    public int? MetadataInt(string name)
    {
        var value = Metadata(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
            : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out var parsed) ? parsed
            : null;
    }

    /// <summary>
    /// A section's entries, unwrapped. Names match case-insensitively and the first spelling wins: Service Bus metadata
    /// also carries the message body's top-level properties (CUSTOM-HANDLER.md), so a repeated name is not malformed.
    /// </summary>
    private static Dictionary<string, JsonElement> Section(JsonElement root, string section, bool required)
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        var found = root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(section, StringComparison.OrdinalIgnoreCase));
        if (found.Value.ValueKind == JsonValueKind.Undefined)
        {
            return required ? throw new InvalidInvocationException($"the body has no '{section}' object") : entries;
        }

        if (found.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"'{found.Name}' is {InvocationJson.Describe(found.Value.ValueKind)}, not an object");
        }

        foreach (var entry in found.Value.EnumerateObject())
        {
            entries.TryAdd(entry.Name, Unwrap(entry.Value, $"{section}.{entry.Name}"));
        }

        return entries;
    }

    /// <summary>Removes string layers while the string holds JSON (an object, array, number or quoted string).</summary>
    private static JsonElement Unwrap(JsonElement value, string path)
    {
        value = value.Clone();
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

            // The outer text was valid, but its decoded JSON can still escape a lone surrogate.
            InvocationJson.CheckText(value, path);
        }

        return value;
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && (trimmed[0] is '{' or '[' or '"' || char.IsAsciiDigit(trimmed[0]));
    }
}
