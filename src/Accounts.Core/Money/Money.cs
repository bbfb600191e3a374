using System.Globalization;
using Accounts.Core.Errors;

namespace Accounts.Core.Money;

/// <summary>
/// An amount as an integer count of minor units. Never built from binary floating point: decimal strings and
/// <see cref="decimal"/> values are converted exactly, and more decimals than the currency has are refused.
/// </summary>
public readonly record struct Money(long Minor, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Parses a plain decimal string such as "100.50" (no sign, no exponent, no grouping).</summary>
    public static Money Parse(string? text, Currency currency, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        var parts = text.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(IsDigits) || (parts.Length == 2 && parts[1].Length == 0))
        {
            throw DomainException.Invalid(field, $"{field} must be a decimal string like \"100.50\"");
        }

        var fraction = parts.Length == 2 ? parts[1] : string.Empty;
        var significant = fraction.TrimEnd('0');
        if (significant.Length > currency.Exponent)
        {
            throw DomainException.Invalid(field, $"{field} has more than {currency.Exponent} decimal places allowed for {currency.Code}");
        }

        var whole = parts[0].TrimStart('0');
        var digits = (whole.Length == 0 ? "0" : whole) + significant.PadRight(currency.Exponent, '0');
        if (digits.Length > 18 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw DomainException.Invalid(field, $"{field} is too large");
        }

        return new Money(minor, currency);
    }

    /// <summary>Converts an exact decimal (e.g. a JSON number) to minor units; refuses negatives and extra decimals.</summary>
    public static Money FromDecimal(decimal value, Currency currency, string field)
    {
        if (value < 0)
        {
            throw DomainException.Invalid(field, $"{field} must not be negative");
        }

        return Parse(value.ToString(CultureInfo.InvariantCulture), currency, field);
    }

    /// <summary>The amount as a decimal with exactly the currency's number of decimals (1000 → 1000.00 for USD).</summary>
    public decimal ToDecimal() => ToDecimal(Minor, Currency);

    public static decimal ToDecimal(long minor, Currency currency) =>
        decimal.Round(new decimal(minor) / Pow10(currency.Exponent) + Scale(currency.Exponent), currency.Exponent);

    /// <summary>The amount as a plain decimal string with the currency's decimals, e.g. "100.50" or "-3.00".</summary>
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);

    public static string Format(long minor, Currency currency) => Format((Int128)minor, currency);

    /// <summary>
    /// A count of minor units (a sum of balances, which may exceed a long) as a plain decimal string with the
    /// currency's decimals. Built from the digits, so it is exact for every value and never throws.
    /// </summary>
    public static string Format(Int128 minor, Currency currency)
    {
        // The magnitude as unsigned, so Int128.MinValue (whose negation overflows) is rendered too.
        var magnitude = minor < 0 ? (UInt128)(-(minor + 1)) + 1 : (UInt128)minor;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture).PadLeft(currency.Exponent + 1, '0');
        var text = currency.Exponent == 0 ? digits : $"{digits[..^currency.Exponent]}.{digits[^currency.Exponent..]}";
        return minor < 0 ? "-" + text : text;
    }

    public Money Add(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot add {other.Currency.Code} to {Currency.Code}");
        }

        return this with { Minor = checked(Minor + other.Minor) };
    }

    private static bool IsDigits(string s) => s.All(char.IsAsciiDigit);

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);

    // 0.00 with the wanted scale: adding it gives the result trailing zeros, so 1000 prints as "1000.00".
    private static decimal Scale(int exponent) => new(0, 0, 0, false, (byte)exponent);
}
