using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// JSON helpers of the invocation protocol. <see cref="CheckText"/> exists because <see cref="JsonDocument"/> accepts an
/// escaped lone surrogate (<c>"\ud800"</c>) and invalid UTF-8 inside strings and only throws when the text is read:
/// checking every string and property name once up front makes that one 400, not a 500 wherever a handler reads it.
/// </summary>
internal static class InvocationJson
{
    /// <summary>"a string", "an array", "null"...: for messages that say what a value is instead of what it should be.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <param name="path">Where <paramref name="element"/> sits, e.g. <c>Data.message</c>; empty for the whole body.</param>
    public static void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Decode(() => property.Name, $"a property name in {(path.Length == 0 ? "the body" : path)}");
                    CheckText(property.Value, path.Length == 0 ? name : $"{path}.{name}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.String:
                Decode(element.GetString, path);
                break;
        }
    }

    private static string Decode(Func<string?> read, string path)
    {
        try
        {
            return read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidInvocationException($"{path} is not valid Unicode text (an unpaired surrogate or invalid UTF-8)");
        }
    }
}
