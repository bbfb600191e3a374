using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Kyc;
using Accounts.Core.Money;

namespace Accounts.Functions.Vertex;

/// <summary>
/// Section "Vertex": account-number pools by ISO 3166-1 alpha-3 country, and the country whose pool serves entities
/// from countries without one. The defaults live in appsettings.json.
/// </summary>
public sealed class VertexOptions
{
    public const string Section = "Vertex";

    public string DefaultCountry { get; set; } = string.Empty;

    public Dictionary<string, VertexPoolOptions> Pools { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The core's settings; a wrong country, currency or range throws naming the setting.</summary>
    public NumberPoolSettings ToSettings()
    {
        var pools = Pools.Select(pair =>
        {
            var where = $"{Section}:Pools:{pair.Key}";
            if (!CountryCodes3.All.Contains(pair.Key.ToUpperInvariant()))
            {
                throw new InvalidOperationException($"{where}: '{pair.Key}' is not an ISO 3166-1 alpha-3 country code");
            }

            if (!Currency.TryGet(pair.Value.Currency, out var currency))
            {
                throw new InvalidOperationException($"{where}:Currency '{pair.Value.Currency}' is not an ISO 4217 currency code");
            }

            if (pair.Value.Ranges.Count == 0)
            {
                throw new InvalidOperationException($"{where}:Ranges must list at least one range");
            }

            try
            {
                return new NumberPool(pair.Key.ToUpperInvariant(), currency, pair.Value.Ranges.Select(NumberRange.Parse).ToList());
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{where}:Ranges: {ex.Message}", ex);
            }
        }).ToList();
        return new NumberPoolSettings(pools, DefaultCountry.ToUpperInvariant());
    }
}

/// <summary>One country's account-number pool: the currency its accounts hold and its ranges ("from-to", inclusive).</summary>
public sealed class VertexPoolOptions
{
    public string Currency { get; set; } = string.Empty;

    public List<string> Ranges { get; set; } = [];
}
