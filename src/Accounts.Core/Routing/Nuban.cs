using System.Globalization;

namespace Accounts.Core.Routing;

/// <summary>
/// Nigeria Uniform Bank Account Numbers, CBN revised scheme (2020): a 10-digit number = 9-digit serial + 1 check
/// digit, where the check digit is computed over the 6-digit institution code followed by the serial with weights
/// 3,7,3,3,7,3,3,7,3,3,7,3,3,7,3 as check = (10 − sum mod 10) mod 10. Institution codes are widened to six digits:
/// 3-digit deposit money bank codes get "000" in front (so the old 12-digit scheme gives the same check digit),
/// 5-digit other-financial-institution codes get "9", 6-digit codes (e.g. FCMB MFB "090409") are used as given.
/// </summary>
public static class Nuban
{
    public const long MaxSerial = 999_999_999;

    private static readonly int[] Weights = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3];

    /// <summary>The account number for <paramref name="serial"/> (0 … 999,999,999, zero-padded to nine digits).</summary>
    public static string Create(string institutionCode, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);

        var serialDigits = serial.ToString("D9", CultureInfo.InvariantCulture);
        return serialDigits + (char)('0' + CheckDigit(institutionCode, serialDigits));
    }

    /// <summary>True when <paramref name="accountNumber"/> is ten ASCII digits whose last one checks for the institution.</summary>
    public static bool IsValid(string institutionCode, string? accountNumber)
    {
        var code = InstitutionCode(institutionCode);
        return accountNumber is { Length: 10 } &&
            accountNumber.All(char.IsAsciiDigit) &&
            accountNumber[9] - '0' == CheckDigit(code, accountNumber[..9]);
    }

    /// <summary>The 6-digit form of a CBN institution code. A malformed code is configuration, not input: it throws.</summary>
    public static string InstitutionCode(string institutionCode)
    {
        ArgumentNullException.ThrowIfNull(institutionCode);
        if (!institutionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"institution code '{institutionCode}' must be digits", nameof(institutionCode));
        }

        return institutionCode.Length switch
        {
            3 => "000" + institutionCode,
            5 => "9" + institutionCode,
            6 => institutionCode,
            _ => throw new ArgumentException($"institution code '{institutionCode}' must have 3, 5 or 6 digits", nameof(institutionCode)),
        };
    }

    /// <summary>The check digit for a 9-digit serial at an institution.</summary>
    public static int CheckDigit(string institutionCode, string serialDigits)
    {
        if (serialDigits.Length != 9 || !serialDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"serial '{serialDigits}' must be 9 digits", nameof(serialDigits));
        }

        var digits = InstitutionCode(institutionCode) + serialDigits;
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return (10 - sum % 10) % 10;
    }
}
