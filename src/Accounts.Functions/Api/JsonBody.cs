using System.Text;
using System.Text.Json;
using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// Reads request bodies by hand rather than through model binding, so that every malformed body becomes a
/// validation error naming the offending field in the dialect's envelope instead of a bare 400.
/// </summary>
public static class JsonBody
{
    private const int MaxBytes = 64 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw DomainException.Invalid("body", $"request body must not exceed {MaxBytes} bytes");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        return text.Length > MaxBytes ? throw DomainException.Invalid("body", $"request body must not exceed {MaxBytes} bytes") : text;
    }

    /// <summary>Parses <paramref name="text"/>; unknown fields, wrong types and bad syntax are refused naming the field.</summary>
    public static T Parse<T>(string text, JsonSerializerOptions options)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid("body", "request body is required and must be a JSON object");
        }

        try
        {
            // Syntax first, so a truncated body is "body" rather than the field the parser stopped in.
            JsonDocument.Parse(text).Dispose();
        }
        catch (JsonException)
        {
            throw DomainException.Invalid("body", "request body is not valid JSON");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, options)
                ?? throw DomainException.Invalid("body", "request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            throw DomainException.Invalid(field, field == "body"
                ? "request body must be a JSON object"
                : $"{field} is not valid: {Explain(ex)}");
        }
    }

    /// <summary>"$.required_features[0].currency" → "required_features[0].currency"; the root → "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string Explain(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field" : "wrong type or malformed value";
}
