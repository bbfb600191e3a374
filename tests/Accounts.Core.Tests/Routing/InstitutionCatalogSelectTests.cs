using Accounts.Core.Errors;
using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class InstitutionCatalogSelectTests
{
    private static readonly InstitutionCatalog Catalog = InstitutionCatalog.Default;

    private static RequiredFeature[] Features(params string[] pairs) =>
        [.. pairs.Select(p => p.Split(' ')).Select(p => new RequiredFeature(p[0], p[1]))];

    private static DomainException Refused(string? country, string currency, params string[] required) =>
        Assert.Throws<DomainException>(() => Catalog.Select(country!, currency, Features(required)));

    [Theory]
    [InlineData("US", "USD", "CMFGUS33")]
    [InlineData("SG", "SGD", "DBSSSGSG")]
    [InlineData("HK", "HKD", "DHBKHKHH")]
    [InlineData("GB", "GBP", "CLRBGB22")]
    [InlineData("DE", "EUR", "COBADEFF")]
    [InlineData("NL", "EUR", "ABNANL2A")]
    [InlineData("IE", "EUR", "AIBKIE2D")]
    [InlineData("AU", "AUD", "MACQAU2S")]
    [InlineData("NG", "NGN", "090409")]
    public void Each_country_has_its_local_institution(string country, string currency, string code) =>
        Assert.Equal(code, Catalog.Select(country, currency, Features($"{currency} LOCAL")).Code);

    [Fact]
    public void The_seed_create_request_selects_dbs_singapore()
    {
        var dbs = Catalog.Select("SG", "SGD", Features("SGD LOCAL"));

        Assert.Equal("DBS Bank Ltd", dbs.Name);
        Assert.Equal("018982", dbs.ZipCode);
    }

    [Fact]
    public void The_seed_update_example_hong_kong_with_usd_local_is_satisfied() =>
        Assert.Equal("DHBKHKHH", Catalog.Select("HK", "HKD", Features("USD LOCAL", "AUD SWIFT", "SGD SWIFT")).Code);

    [Fact]
    public void Codes_and_methods_are_case_insensitive() =>
        Assert.Equal("DBSSSGSG", Catalog.Select("sg", "sgd", Features("sgd local", "usd Swift")).Code);

    [Fact]
    public void No_required_features_selects_by_country_and_currency() =>
        Assert.Equal("CMFGUS33", Catalog.Select("US", "USD", []).Code);

    [Theory]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("EU")] // not a country; euro accounts are opened in a member state
    [InlineData(null)]
    [InlineData("U5")]
    [InlineData("ſg")] // with ICU, long s upper-cases to S; "ſg" must still not pass for "SG"
    [InlineData(" SG")]
    public void Unknown_countries_are_refused_naming_country(string? country)
    {
        var error = Refused(country, "SGD");

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("country", error.Field);
        Assert.Contains("ISO 3166-1 alpha-2", error.Message);
    }

    [Fact]
    public void A_real_country_without_an_institution_is_refused_listing_the_supported_ones()
    {
        var error = Refused("FR", "EUR");

        Assert.Equal("country", error.Field);
        Assert.Equal("accounts are not offered in FR; supported countries: AU, DE, GB, HK, IE, NG, NL, SG, US", error.Message);
    }

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("")]
    [InlineData("US")]
    public void Unknown_currencies_are_refused_naming_currency(string currency) =>
        Assert.Equal("currency", Refused("US", currency).Field);

    [Fact]
    public void A_currency_not_offered_in_the_country_is_refused_listing_what_is()
    {
        var error = Refused("GB", "USD");

        Assert.Equal("currency", error.Field);
        Assert.Equal("USD accounts are not offered in GB; available currencies: GBP", error.Message);
    }

    [Fact]
    public void Usd_in_singapore_exists_but_only_by_swift()
    {
        Assert.Equal("DBSSSGSG", Catalog.Select("SG", "USD", Features("USD SWIFT")).Code);

        var error = Refused("SG", "USD", "USD SWIFT", "USD LOCAL");
        Assert.Equal("required_features[1]", error.Field);
        Assert.Equal(
            "LOCAL transfers in USD are not available for USD accounts in SG (DBS Bank Ltd); " +
            "available: SGD LOCAL (FAST, RTGS, GIRO), SGD SWIFT, USD SWIFT",
            error.Message);
    }

    [Fact]
    public void A_required_feature_in_another_currency_must_also_be_supported()
    {
        var error = Refused("NG", "NGN", "NGN LOCAL", "NGN SWIFT");

        Assert.Equal("required_features[1]", error.Field);
        Assert.Contains("SWIFT", error.Message);
        Assert.Contains("NGN LOCAL (NIP)", error.Message);
    }

    [Fact]
    public void Malformed_required_features_name_the_element_and_property()
    {
        Assert.Equal("required_features[0].currency", Refused("US", "USD", "USX LOCAL").Field);
        Assert.Equal("required_features[1].transfer_method", Refused("US", "USD", "USD LOCAL", "USD WIRE").Field);
        Assert.Equal("required_features[0].transfer_method", Refused("US", "USD", "USD ſWIFT").Field);
        Assert.Equal("required_features[0].transfer_method", Assert.Throws<DomainException>(
            () => Catalog.Select("US", "USD", [new RequiredFeature("USD", null!)])).Field);
        Assert.Equal("required_features[0]", Assert.Throws<DomainException>(
            () => Catalog.Select("US", "USD", [null!])).Field);
    }

    [Fact]
    public void Country_is_checked_before_currency_and_currency_before_features() =>
        Assert.Equal("country", Refused("XX", "ZZZ", "ZZZ WIRE").Field);

    [Fact]
    public void With_two_institutions_the_first_that_meets_every_requirement_wins()
    {
        var basic = Institution("BASCSGS1", TransferMethods.Swift);
        var full = Institution("FULLSGS1", TransferMethods.Local, TransferMethods.Swift);
        var catalog = new InstitutionCatalog([basic, full]);

        Assert.Equal("BASCSGS1", catalog.Select("SG", "SGD", Features("SGD SWIFT")).Code);
        Assert.Equal("FULLSGS1", catalog.Select("SG", "SGD", Features("SGD SWIFT", "SGD LOCAL")).Code);
    }

    private static Institution Institution(string bic, params string[] methods) => new(
        bic, bic, "1 Street", "Singapore", "000001", "SG", bic, "Current", 10, null,
        [.. methods.Select(m => new TransferFeature("SGD", m, m == TransferMethods.Local ? "FAST" : null,
            m == TransferMethods.Swift ? [new RoutingCode("swift", bic)] : []))]);
}
