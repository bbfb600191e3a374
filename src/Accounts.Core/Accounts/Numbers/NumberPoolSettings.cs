namespace Accounts.Core.Accounts.Numbers;

/// <summary>The configured pools by country, and the country used for entities whose own country has no pool.</summary>
public sealed class NumberPoolSettings
{
    private readonly Dictionary<string, NumberPool> _pools;

    public NumberPoolSettings(IEnumerable<NumberPool> pools, string defaultCountry)
    {
        _pools = pools.ToDictionary(p => p.Country, StringComparer.Ordinal);
        if (!_pools.ContainsKey(defaultCountry))
        {
            throw new ArgumentException($"The default country {defaultCountry} has no number pool", nameof(defaultCountry));
        }

        DefaultCountry = defaultCountry;
    }

    public string DefaultCountry { get; }

    public IReadOnlyCollection<NumberPool> Pools => _pools.Values;

    /// <summary>The pool of the entity's country if one is configured, else the default country's.</summary>
    public NumberPool For(string entityCountry) =>
        _pools.TryGetValue(entityCountry, out var pool) ? pool : _pools[DefaultCountry];
}
