using Accounts.Core.Errors;

namespace Accounts.Core.Kyc;

/// <summary>ISO 3166-1 alpha-3 country codes (all 249 assigned codes, from the Debian iso-codes 4.15 list).</summary>
public static class CountryCodes3
{
    private const string Codes =
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN " +
        "BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN " +
        "CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU " +
        "DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR " +
        "GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV " +
        "HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM " +
        "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA " +
        "MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM " +
        "NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL " +
        "PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE " +
        "SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK " +
        "TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB " +
        "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Codes.Split(' '), StringComparer.Ordinal);

    /// <summary>The upper-cased code, or a validation error naming <paramref name="field"/>.</summary>
    public static string Parse(string? code, string field)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        var upper = code.Trim().ToUpperInvariant();
        return All.Contains(upper)
            ? upper
            : throw DomainException.Invalid(field, $"{field} '{code}' is not an ISO 3166-1 alpha-3 country code (e.g. ZAF, KEN)");
    }
}
