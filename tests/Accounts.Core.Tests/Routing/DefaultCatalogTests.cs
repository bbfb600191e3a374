using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class DefaultCatalogTests
{
    private static readonly InstitutionCatalog Catalog = InstitutionCatalog.Default;

    private static string[] Describe(Institution i) =>
        [.. i.Features.Select(f => $"{f.Currency} {f.TransferMethod} {f.LocalClearingSystem ?? "-"} " +
            string.Join(",", f.RoutingCodes.Select(r => $"{r.Type}={r.Value}")))];

    [Fact]
    public void Us_matches_the_seed_with_the_real_bic()
    {
        var cfsb = Catalog.Find("CMFGUS33")!;

        Assert.Equal(("Community Federal Savings Bank", "89-16 Jamaica Ave", "Woodhaven, NY", "11421"), (cfsb.Name, cfsb.Address, cfsb.City, cfsb.ZipCode));
        Assert.Equal("Checking", cfsb.AccountType);
        Assert.Equal(
            ["USD LOCAL ACH ach=026073150", "USD LOCAL FEDWIRE fedwire=026073008", "USD SWIFT - swift=CMFGUS33"],
            Describe(cfsb));
    }

    [Fact]
    public void Singapore_matches_the_seed()
    {
        var dbs = Catalog.Find("DBSSSGSG")!;

        Assert.Equal("Current", dbs.AccountType);
        Assert.Equal(
        [
            "SGD LOCAL FAST bank_code=7171,branch_code=072",
            "SGD LOCAL RTGS bank_code=7171,branch_code=072",
            "SGD LOCAL GIRO bank_code=7171,branch_code=072",
            "SGD SWIFT - bank_code=7171,branch_code=072,swift=DBSSSGSG",
            "USD SWIFT - bank_code=7171,branch_code=072,swift=DBSSSGSG",
        ], Describe(dbs));
    }

    [Fact]
    public void Hong_kong_matches_the_seed()
    {
        var dbs = Catalog.Find("DHBKHKHH")!;

        Assert.Equal("DBS Bank (Hong Kong) Limited", dbs.Name);
        Assert.Equal("Hong Kong SAR", dbs.City);
        Assert.Null(dbs.ZipCode);
        Assert.Contains("USD LOCAL RTGS bank_code=016,branch_code=478", Describe(dbs));
        Assert.Equal(["HKD", "USD", "AUD", "SGD"], dbs.Features.Where(f => f.TransferMethod == "SWIFT").Select(f => f.Currency));
    }

    [Theory]
    [InlineData("CLRBGB22", "sort_code", "040605")]
    [InlineData("AIBKIE2D", "sort_code", "931152")]
    [InlineData("COBADEFF", "bank_code", "50040000")]
    [InlineData("MACQAU2S", "bsb", "182512")]
    [InlineData("090409", "bank_code", "090409")]
    public void National_routing_codes(string code, string type, string value) =>
        Assert.Equal(value, Catalog.Find(code)!.RoutingCode(type));

    [Fact]
    public void Every_swift_feature_quotes_the_institutions_bic_and_no_local_one_lacks_a_clearing_system()
    {
        foreach (var institution in Catalog.All)
        {
            foreach (var feature in institution.Features)
            {
                if (feature.TransferMethod == TransferMethods.Swift)
                {
                    Assert.Null(feature.LocalClearingSystem);
                    Assert.Equal(institution.SwiftCode, feature.RoutingCodes.Single(r => r.Type == "swift").Value);
                }
                else
                {
                    Assert.False(string.IsNullOrEmpty(feature.LocalClearingSystem));
                }
            }
        }
    }

    [Fact]
    public void Iban_countries_are_exactly_the_european_ones() =>
        Assert.Equal(["GB", "DE", "NL", "IE"], Catalog.All.Where(i => i.Iban is not null).Select(i => i.Country));

    [Fact]
    public void Nigeria_has_no_bic_and_no_swift_and_its_code_is_a_cbn_code()
    {
        var fcmb = Catalog.Find("090409")!;

        Assert.Equal("", fcmb.SwiftCode);
        Assert.All(fcmb.Features, f => Assert.Equal(TransferMethods.Local, f.TransferMethod));
        Assert.Equal("090409", Nuban.InstitutionCode(fcmb.Code));
    }

    [Fact]
    public void Find_is_exact_and_returns_null_for_unknown_codes()
    {
        Assert.Null(Catalog.Find("NOPEXX00"));
        Assert.Null(Catalog.Find("cmfgus33"));
    }

    [Fact]
    public void Feature_descriptions_group_clearing_systems() =>
        Assert.Equal("GBP LOCAL (FPS, BACS, CHAPS), GBP SWIFT", Catalog.Find("CLRBGB22")!.DescribeFeatures());
}
