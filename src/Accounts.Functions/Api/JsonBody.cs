using System.Text;
using System.Text.Json;
using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// Reads request bodies by hand rather than through model binding, so that every malformed body becomes a
/// validation error naming the offending field in the dialect's envelope instead of a bare 400 (or, for input the
/// serializer does not expect, a 500).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text: at most <see cref="MaxBytes"/> bytes of UTF-8 (a leading byte-order mark is dropped).</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        // Read no further than one chunk past the limit, so a chunked body without Content-Length is never buffered whole.
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            body.Write(chunk, 0, read);
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw DomainException.Invalid("body", "request body must be UTF-8 text");
        }
    }

    /// <summary>Parses <paramref name="text"/>; unknown fields, wrong types and bad syntax are refused naming the field.</summary>
    public static T Parse<T>(string text, JsonSerializerOptions options)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid("body", "request body is required and must be a JSON object");
        }

        // Syntax and strings first, so a truncated body is "body" rather than the field the parser stopped in, and an
        // escaped lone surrogate ("\ud800"), which is valid JSON syntax but no text, is refused before any field is read.
        JsonText.EnsureReadable(Encoding.UTF8.GetBytes(text), options.MaxDepth);
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

    private static DomainException TooLarge() => DomainException.Invalid("body", $"request body must not exceed {MaxBytes} bytes");

    /// <summary>"$.required_features[0].currency" → "required_features[0].currency"; the root → "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string Explain(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field" : "wrong type or malformed value";
}
