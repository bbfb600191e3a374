namespace Accounts.Core.Routing;

/// <summary>
/// The institutions behind the default catalog. US, SG and HK reuse the Zoqq reference (seed 001) with the real BICs
/// in place of its "swift-code" placeholder; NG is the bank of the NUBAN dialect (seed 003).
/// </summary>
internal static class DefaultInstitutions
{
    public static IReadOnlyList<Institution> All { get; } =
    [
        new("CMFGUS33", "Community Federal Savings Bank", "89-16 Jamaica Ave", "Woodhaven, NY", "11421", "US", "CMFGUS33",
            "Checking", 10, null,
        [
            Local("USD", "ACH", ("ach", "026073150")),
            Local("USD", "FEDWIRE", ("fedwire", "026073008")),
            Swift("USD", "CMFGUS33"),
        ]),
        new("DBSSSGSG", "DBS Bank Ltd", "12 Marina Boulevard, DBS Asia Central, Marina Bay Financial Centre Tower 3", "Singapore",
            "018982", "SG", "DBSSSGSG", "Current", 10, null,
        [
            Local("SGD", "FAST", ("bank_code", "7171"), ("branch_code", "072")),
            Local("SGD", "RTGS", ("bank_code", "7171"), ("branch_code", "072")),
            Local("SGD", "GIRO", ("bank_code", "7171"), ("branch_code", "072")),
            Swift("SGD", "DBSSSGSG", ("bank_code", "7171"), ("branch_code", "072")),
            Swift("USD", "DBSSSGSG", ("bank_code", "7171"), ("branch_code", "072")),
        ]),

        // Hong Kong's RTGS is CHATS; it is labelled "RTGS" as in the seed's HK example.
        new("DHBKHKHH", "DBS Bank (Hong Kong) Limited", "18th Floor, The Center, 99 Queen’s Road Central, Central", "Hong Kong SAR",
            null, "HK", "DHBKHKHH", "Current", 9, null,
        [
            Local("HKD", "FPS", ("bank_code", "016"), ("branch_code", "478")),
            Local("HKD", "RTGS", ("bank_code", "016"), ("branch_code", "478")),
            Local("USD", "RTGS", ("bank_code", "016"), ("branch_code", "478")),
            Swift("HKD", "DHBKHKHH", ("bank_code", "016"), ("branch_code", "478")),
            Swift("USD", "DHBKHKHH", ("bank_code", "016"), ("branch_code", "478")),
            Swift("AUD", "DHBKHKHH", ("bank_code", "016"), ("branch_code", "478")),
            Swift("SGD", "DHBKHKHH", ("bank_code", "016"), ("branch_code", "478")),
        ]),
        new("CLRBGB22", "ClearBank Limited", "133 Houndsditch", "London", "EC3A 7BX", "GB", "CLRBGB22", "Current", 8,
            IbanScheme.UnitedKingdom,
        [
            Local("GBP", "FPS", ("sort_code", "040605")),
            Local("GBP", "BACS", ("sort_code", "040605")),
            Local("GBP", "CHAPS", ("sort_code", "040605")),
            Swift("GBP", "CLRBGB22", ("sort_code", "040605")),
        ]),
        new("COBADEFF", "Commerzbank AG", "Kaiserplatz", "Frankfurt am Main", "60311", "DE", "COBADEFF", "Current", 10,
            IbanScheme.Germany,
        [
            Local("EUR", "SEPA", ("bank_code", "50040000"), ("swift", "COBADEFF")),
            Swift("EUR", "COBADEFF", ("bank_code", "50040000")),
        ]),
        new("ABNANL2A", "ABN AMRO Bank N.V.", "Gustav Mahlerlaan 10", "Amsterdam", "1082 PP", "NL", "ABNANL2A", "Current", 10,
            IbanScheme.Netherlands,
        [
            Local("EUR", "SEPA", ("swift", "ABNANL2A")),
            Swift("EUR", "ABNANL2A"),
        ]),
        new("AIBKIE2D", "Allied Irish Banks, p.l.c.", "10 Molesworth Street", "Dublin 2", "D02 R126", "IE", "AIBKIE2D", "Current", 8,
            IbanScheme.Ireland,
        [
            Local("EUR", "SEPA", ("sort_code", "931152"), ("swift", "AIBKIE2D")),
            Swift("EUR", "AIBKIE2D", ("sort_code", "931152")),
        ]),
        new("MACQAU2S", "Macquarie Bank Limited", "1 Elizabeth Street", "Sydney NSW", "2000", "AU", "MACQAU2S", "Current", 9, null,
        [
            Local("AUD", "NPP", ("bsb", "182512")),
            Local("AUD", "BECS", ("bsb", "182512")),
            Swift("AUD", "MACQAU2S", ("bsb", "182512")),
        ]),

        // Named as the NUBAN dialect shows it; no BIC, so no SWIFT. The address is the FCMB group head office.
        new("090409", "FCMB MFB", "Primrose Tower, 17A Tinubu Street, Marina", "Lagos", null, "NG", string.Empty, "Current", 10, null,
        [
            Local("NGN", "NIP", ("bank_code", "090409")),
        ]),
    ];

    private static TransferFeature Local(string currency, string clearingSystem, params (string Type, string Value)[] codes) =>
        new(currency, TransferMethods.Local, clearingSystem, [.. codes.Select(c => new RoutingCode(c.Type, c.Value))]);

    // The BIC is quoted last, after any national codes, as in the seed's SWIFT features.
    private static TransferFeature Swift(string currency, string bic, params (string Type, string Value)[] codes) =>
        new(currency, TransferMethods.Swift, null, [.. codes.Select(c => new RoutingCode(c.Type, c.Value)), new RoutingCode("swift", bic)]);
}
