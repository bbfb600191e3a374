using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Tests.Currencies;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("usd", 2)]
    [InlineData("Usd", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("NGN", 2)]
    [InlineData("CLF", 4)]
    public void TryGet_is_case_insensitive_and_knows_the_exponent(string code, int exponent)
    {
        Assert.True(Currency.TryGet(code, out var currency));
        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(exponent, currency.Exponent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("XYZ")]
    [InlineData("BTC")]
    [InlineData("HRK")] // withdrawn in 2023; list one only has active codes
    public void TryGet_refuses_unknown_codes(string? code)
    {
        Assert.False(Currency.TryGet(code, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void Parse_names_the_field_for_unknown_and_missing_codes()
    {
        var unknown = Assert.Throws<DomainException>(() => Currency.Parse("XYZ", "currency"));
        var missing = Assert.Throws<DomainException>(() => Currency.Parse(" ", "required_features[0].currency"));

        Assert.Equal(("currency", ErrorKind.Validation), (unknown.Field, unknown.Kind));
        Assert.Contains("XYZ", unknown.Message);
        Assert.Equal("required_features[0].currency", missing.Field);
    }

    [Fact]
    public void Currencies_with_the_same_code_are_equal() =>
        Assert.Equal(Currency.Parse("usd", "c"), Currency.Parse("USD", "c"));
}
