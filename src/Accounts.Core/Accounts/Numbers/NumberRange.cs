using System.Globalization;

namespace Accounts.Core.Accounts.Numbers;

/// <summary>
/// An inclusive range of account numbers of a fixed width (leading zeros kept), written "6200000000-6299999999".
/// </summary>
public sealed record NumberRange(long From, long To, int Width)
{
    /// <summary>Longest number we hand out; 18 digits always fit a long.</summary>
    public const int MaxWidth = 18;

    public long Size => To - From + 1;

    public string Format(long number) => number.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');

    /// <summary>Parses "from-to"; both ends must have the same number of digits and from must not exceed to.</summary>
    public static NumberRange Parse(string text)
    {
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length != 2 || !parts.All(IsNumber) || parts[0].Length != parts[1].Length)
        {
            throw new FormatException($"Number range '{text}' must be \"from-to\" with two numbers of the same width (at most {MaxWidth} digits)");
        }

        var from = long.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var to = long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        return from <= to ? new NumberRange(from, to, parts[0].Length) : throw new FormatException($"Number range '{text}' ends before it starts");
    }

    private static bool IsNumber(string part) => part.Length is > 0 and <= MaxWidth && part.All(char.IsAsciiDigit);
}
