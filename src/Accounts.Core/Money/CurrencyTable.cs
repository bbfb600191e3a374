namespace Accounts.Core.Money;

/// <summary>Active ISO 4217 currency codes and their minor-unit exponents (ISO 4217 list one).</summary>
internal static class CurrencyTable
{
    private const string Two =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE " +
        "CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL " +
        "HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR " +
        "MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK " +
        "SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD " +
        "XCG YER ZAR ZMW ZWG";

    private const string Zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";

    private const string Three = "BHD IQD JOD KWD LYD OMR TND";

    private const string Four = "CLF UYW";

    public static readonly IReadOnlyDictionary<string, int> Exponents = Build();

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codes, exponent) in new[] { (Two, 2), (Zero, 0), (Three, 3), (Four, 4) })
        {
            foreach (var code in codes.Split(' '))
            {
                table.Add(code, exponent);
            }
        }

        return table;
    }
}
