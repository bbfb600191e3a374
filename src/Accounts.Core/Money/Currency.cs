using System.Diagnostics.CodeAnalysis;
using Accounts.Core.Errors;

namespace Accounts.Core.Money;

/// <summary>An ISO 4217 currency with its minor-unit exponent (USD 2, JPY 0, KWD 3).</summary>
public sealed record Currency(string Code, int Exponent)
{
    public static bool TryGet(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        var upper = code?.Trim().ToUpperInvariant();
        if (upper is null || !CurrencyTable.Exponents.TryGetValue(upper, out var exponent))
        {
            return false;
        }

        currency = new Currency(upper, exponent);
        return true;
    }

    /// <summary>Parses a currency code, refusing unknown ones with a validation error naming <paramref name="field"/>.</summary>
    public static Currency Parse(string? code, string field)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        return TryGet(code, out var currency)
            ? currency
            : throw DomainException.Invalid(field, $"{field} '{code}' is not a supported ISO 4217 currency code");
    }

    public override string ToString() => Code;
}
