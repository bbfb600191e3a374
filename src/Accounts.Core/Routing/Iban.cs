using System.Globalization;
using System.Text.RegularExpressions;

namespace Accounts.Core.Routing;

/// <summary>ISO 13616 IBAN check digits (ISO 7064 MOD 97-10) and validation of IBANs in electronic format.</summary>
public static class Iban
{
    // Electronic format only: upper case, no spaces. [A-Z0-9] spelled out so culture and Unicode digits play no part.
    private static readonly Regex Shape = new("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\\z", RegexOptions.CultureInvariant);

    // Registry lengths for the SEPA countries; other countries get the general checks only.
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22,
    };

    /// <summary>
    /// True for an IBAN whose check digits verify (remainder 1), are in the allowed range 02–98, whose country is an
    /// ISO 3166 code and, for SEPA countries, whose length is the registered one.
    /// </summary>
    public static bool IsValid(string? iban)
    {
        if (iban is null || !Shape.IsMatch(iban) || !CountryCodes.All.Contains(iban[..2]))
        {
            return false;
        }

        if (Lengths.TryGetValue(iban[..2], out var length) && iban.Length != length)
        {
            return false;
        }

        // 00, 01 and 99 can also leave remainder 1 (they alias 97, 98 and 02) but are never issued.
        var check = int.Parse(iban.AsSpan(2, 2), CultureInfo.InvariantCulture);
        return check is >= 2 and <= 98 && Mod97(string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4))) == 1;
    }

    /// <summary>The two check digits for <paramref name="bban"/> in <paramref name="country"/>: 98 − (BBAN + country + "00") mod 97.</summary>
    public static string CheckDigits(string country, string bban)
    {
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper) || bban.Length == 0 || !bban.All(IsUpperAlphanumeric))
        {
            throw new ArgumentException($"'{country}' + '{bban}' is not an upper-case country code and alphanumeric BBAN");
        }

        return (98 - Mod97(bban + country + "00")).ToString("D2", CultureInfo.InvariantCulture);
    }

    // Letters count as two digits (A = 10 … Z = 35); the remainder is carried digit by digit, so no big integers.
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    private static bool IsUpperAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);
}
