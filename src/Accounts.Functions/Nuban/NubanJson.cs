using System.Globalization;
using System.Text.Json;
using Accounts.Core.Money;
using Accounts.Core.NubanAccounts;
using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

/// <summary>The Nuban wire format (seed 003): snake_case names, nulls written out, unknown request fields refused.</summary>
public static class NubanJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>UTC with seven fractional digits and "Z", as in the seed's "2025-09-26T10:54:11.7017025Z".</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? value) => value is { } time ? Time(time) : null;

    /// <summary>Naira as a JSON number without trailing zeros, as the seed prints them: 100.00 → 100, 100.50 → 100.5.</summary>
    public static decimal Amount(long minor) => Money.ToDecimal(minor, Naira.Currency) / 1.000000000000000000000000000000000m;

    /// <summary>PartiallyPaid → PARTIALLY_PAID.</summary>
    public static string Constant(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
}
