using System.Text.Json;
using Accounts.Core.Errors;

namespace Accounts.Functions.Nuban;

/// <summary>Account numbers as clients send them: ten digits, in the path or in a body as a string or a number.</summary>
public static class NubanAccountNumber
{
    public const string Field = "account_number";

    public static string Parse(string? value) =>
        value is { Length: 10 } && value.All(char.IsAsciiDigit)
            ? value
            : throw DomainException.Invalid(Field, $"{Field} must be a 10-digit NUBAN");

    public static string Parse(JsonElement? value) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => throw DomainException.Invalid(Field, $"{Field} is required"),
        { ValueKind: JsonValueKind.String } text => Parse(text.GetString()),

        // Our numbers never start with 0, so an integer carries all ten digits; 7.0E9 or 1.5 are refused.
        { ValueKind: JsonValueKind.Number } number => Parse(number.GetRawText()),
        _ => throw DomainException.Invalid(Field, $"{Field} must be a 10-digit NUBAN"),
    };
}
