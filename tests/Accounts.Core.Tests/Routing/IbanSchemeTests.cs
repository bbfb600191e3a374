using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class IbanSchemeTests
{
    [Fact]
    public void Known_ibans_are_rebuilt_from_their_parts()
    {
        Assert.Equal("GB82WEST12345698765432", IbanScheme.UnitedKingdom.Build("WEST", "123456", "98765432"));
        Assert.Equal("DE89370400440532013000", IbanScheme.Germany.Build("37040044", "", "0532013000"));
        Assert.Equal("NL91ABNA0417164300", IbanScheme.Netherlands.Build("ABNA", "", "0417164300"));
        Assert.Equal("IE29AIBK93115212345678", IbanScheme.Ireland.Build("AIBK", "931152", "12345678"));
    }

    [Theory]
    [InlineData("GB", 22)]
    [InlineData("DE", 22)]
    [InlineData("NL", 18)]
    [InlineData("IE", 22)]
    public void Scheme_lengths_match_the_registry(string country, int length)
    {
        var scheme = new[] { IbanScheme.UnitedKingdom, IbanScheme.Germany, IbanScheme.Netherlands, IbanScheme.Ireland }
            .Single(s => s.Country == country);

        Assert.Equal(length, scheme.Length);
    }

    [Fact]
    public void Building_for_a_catalog_institution_takes_its_bank_and_sort_codes()
    {
        var clearBank = InstitutionCatalog.Default.Find("CLRBGB22")!;
        var iban = clearBank.Iban!.Build(clearBank, "12345678");

        // CLRB = first four letters of the BIC, 040605 = the sort code the GBP features quote.
        Assert.Equal("GB78CLRB04060512345678", iban);
        Assert.True(Iban.IsValid(iban));
    }

    [Theory]
    [InlineData("COBADEFF", "1234567890", "DE89500400001234567890")]
    [InlineData("ABNANL2A", "1234567890", "NL31ABNA1234567890")]
    [InlineData("AIBKIE2D", "12345678", "IE29AIBK93115212345678")]
    public void Euro_institutions_build_valid_ibans(string code, string account, string expected)
    {
        var institution = InstitutionCatalog.Default.Find(code)!;

        Assert.Equal(expected, institution.Iban!.Build(institution, account));
        Assert.True(Iban.IsValid(expected));
    }

    [Theory]
    [InlineData("WES", "123456", "98765432")]
    [InlineData("WEST", "12345", "98765432")]
    [InlineData("WEST", "123456", "9876543")]
    [InlineData("WEST", "123456", "987654321")]
    [InlineData("west", "123456", "98765432")]
    [InlineData("WE5T", "123456", "98765432")]
    [InlineData("WEST", "12345A", "98765432")]
    [InlineData("WEST", "123456", "9876543A")]
    public void Parts_that_do_not_fit_the_layout_are_refused(string bank, string branch, string account) =>
        Assert.Throws<ArgumentException>(() => IbanScheme.UnitedKingdom.Build(bank, branch, account));

    [Fact]
    public void A_scheme_refuses_an_institution_of_another_country() =>
        Assert.Throws<ArgumentException>(() => IbanScheme.Germany.Build(InstitutionCatalog.Default.Find("ABNANL2A")!, "1234567890"));
}
