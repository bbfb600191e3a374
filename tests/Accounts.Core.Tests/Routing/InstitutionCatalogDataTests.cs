using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

/// <summary>Bad catalog data must fail when the catalog is built, never when a client opens an account.</summary>
public sealed class InstitutionCatalogDataTests
{
    private static readonly Institution Valid = new(
        "TESTGB22", "Test Bank", "1 Street", "London", "EC1A 1AA", "GB", "TESTGB22", "Current", 8, IbanScheme.UnitedKingdom,
        [
            new("GBP", TransferMethods.Local, "FPS", [new RoutingCode("sort_code", "123456")]),
            new("GBP", TransferMethods.Swift, null, [new RoutingCode("sort_code", "123456"), new RoutingCode("swift", "TESTGB22")]),
        ]);

    public static TheoryData<string, Institution> Broken => new()
    {
        { "country", Valid with { Country = "UK" } },
        { "BIC", Valid with { SwiftCode = "TESTGB2" } },
        { "BIC", Valid with { SwiftCode = "TESTDE22" } },
        { "features", Valid with { Features = [] } },
        { "currency", Valid with { Features = [Valid.Features[0] with { Currency = "GBX" }] } },
        { "method", Valid with { Features = [Valid.Features[0] with { TransferMethod = "WIRE" }] } },
        { "clearing", Valid with { Features = [Valid.Features[0] with { LocalClearingSystem = null }] } },
        { "clearing", Valid with { Features = [Valid.Features[1] with { LocalClearingSystem = "FPS" }] } },
        { "swift", Valid with { Features = [Valid.Features[1] with { RoutingCodes = [new RoutingCode("swift", "OTHRGB22")] }] } },
        { "IBAN", Valid with { AccountNumberLength = 10 } },
        { "IBAN", Valid with { Iban = IbanScheme.Germany } },
        { "branch code", Valid with { Features = [Valid.Features[0] with { RoutingCodes = [new RoutingCode("sort_code", "12345")] }] } },
        { "sort", Valid with { Features = [Valid.Features[0], Valid.Features[1] with { RoutingCodes = [new RoutingCode("sort_code", "654321"), new RoutingCode("swift", "TESTGB22")] }] } },
        { "3, 5 or 6 digits", Valid with { Code = "0904", Country = "NG", SwiftCode = "", Iban = null, AccountNumberLength = 10, Features = [new("NGN", "LOCAL", "NIP", [])] } },
        { "NUBAN", Valid with { Code = "090409", Country = "NG", SwiftCode = "", Iban = null, AccountNumberLength = 11, Features = [new("NGN", "LOCAL", "NIP", [])] } },
    };

    [Fact]
    public void A_valid_institution_is_accepted() => Assert.Single(new InstitutionCatalog([Valid]).All);

    [Theory]
    [MemberData(nameof(Broken))]
    public void Inconsistent_data_is_refused_at_construction(string problem, Institution institution)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new InstitutionCatalog([institution]));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Duplicate_codes_are_refused() =>
        Assert.Throws<ArgumentException>(() => new InstitutionCatalog([Valid, Valid with { Name = "Other" }]));
}
