using System.Text.Json;
using System.Text.Unicode;
using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// Checks JSON before anything reads values from it. System.Text.Json accepts an escaped lone surrogate ("\ud800")
/// and raw invalid UTF-8 inside strings as syntax, and only fails, with an InvalidOperationException rather than a
/// JsonException, when the string is read; every reader of client JSON calls this first so that is a 400 instead.
/// </summary>
public static class JsonText
{
    public const int DefaultMaxDepth = 64;

    /// <summary>Throws a validation error on "body" unless <paramref name="utf8"/> is JSON whose every string is text.</summary>
    public static void EnsureReadable(ReadOnlySpan<byte> utf8, int maxDepth = 0, string what = "request body")
    {
        if (!Utf8.IsValid(utf8))
        {
            throw DomainException.Invalid("body", $"{what} must be UTF-8 text");
        }

        var depth = maxDepth == 0 ? DefaultMaxDepth : maxDepth;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = depth });
        var field = "body";
        try
        {
            while (reader.Read())
            {
                var isName = reader.TokenType == JsonTokenType.PropertyName;
                if (!isName && (reader.TokenType != JsonTokenType.String || !reader.ValueIsEscaped))
                {
                    continue;
                }

                string? value;
                try
                {
                    value = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw isName
                        ? DomainException.Invalid("body", "a field name contains an escaped unpaired surrogate, which is not text")
                        : DomainException.Invalid(field, $"{field} contains an escaped unpaired surrogate, which is not text");
                }

                // The innermost field read so far names the value that follows it.
                field = isName ? value! : field;
            }
        }
        catch (JsonException)
        {
            throw DomainException.Invalid("body", $"{what} is not valid JSON (or is nested deeper than {depth} levels)");
        }
    }
}
