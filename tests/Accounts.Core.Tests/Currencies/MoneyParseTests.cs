using Accounts.Core.Errors;
using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Currencies;

public sealed class MoneyParseTests
{
    private static readonly Currency Usd = Currency.Parse("USD", "currency");
    private static readonly Currency Jpy = Currency.Parse("JPY", "currency");
    private static readonly Currency Kwd = Currency.Parse("KWD", "currency");

    [Theory]
    [InlineData("100.50", 10050)]
    [InlineData("100.5", 10050)]
    [InlineData("100", 10000)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("0.00", 0)]
    [InlineData("1.500", 150)]
    [InlineData("1.5000000000", 150)]
    [InlineData("007.25", 725)]
    [InlineData("9999999999999999.99", 999_999_999_999_999_999)] // the largest amount accepted: 18 digits
    public void Usd_amounts_parse_to_exact_cents(string text, long expectedMinor)
    {
        var money = MoneyValue.Parse(text, Usd, "amount");

        Assert.Equal(expectedMinor, money.Minor);
        Assert.Equal(Usd, money.Currency);
    }

    [Fact]
    public void A_third_decimal_that_is_not_zero_is_refused_for_usd_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => MoneyValue.Parse("1.005", Usd, "amount"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("amount", error.Field);
        Assert.Contains("amount", error.Message);
        Assert.Contains("2 decimal places", error.Message);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("1.0", 1)]
    public void Jpy_has_no_minor_unit(string text, long expectedMinor) =>
        Assert.Equal(expectedMinor, MoneyValue.Parse(text, Jpy, "amount").Minor);

    [Theory]
    [InlineData("1.5")]
    [InlineData("0.1")]
    public void Jpy_fractions_are_refused(string text)
    {
        var error = Assert.Throws<DomainException>(() => MoneyValue.Parse(text, Jpy, "amount"));
        Assert.Equal("amount", error.Field);
    }

    [Theory]
    [InlineData("1.5", 1500)]
    [InlineData("1.005", 1005)]
    [InlineData("0.001", 1)]
    [InlineData("12.345", 12345)]
    public void Kwd_has_three_decimals(string text, long expectedMinor) =>
        Assert.Equal(expectedMinor, MoneyValue.Parse(text, Kwd, "amount").Minor);

    [Fact]
    public void A_fourth_kwd_decimal_is_refused() =>
        Assert.Throws<DomainException>(() => MoneyValue.Parse("1.0001", Kwd, "amount"));

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1,000")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1\n")]
    [InlineData(".")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("١٢")] // Arabic-Indic digits: char.IsDigit says yes, an amount must not.
    [InlineData("１２")] // full-width digits
    public void Malformed_amounts_are_refused_naming_the_field(string text)
    {
        var error = Assert.Throws<DomainException>(() => MoneyValue.Parse(text, Usd, "data.amount"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("data.amount", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_amounts_are_refused_as_required(string? text)
    {
        var error = Assert.Throws<DomainException>(() => MoneyValue.Parse(text, Usd, "amount"));

        Assert.Equal("amount", error.Field);
        Assert.Contains("required", error.Message);
    }

    [Theory]
    [InlineData("10000000000000000.00")] // 19 digits of cents
    [InlineData("92233720368547758.08")] // long.MaxValue + 1 cent
    [InlineData("100000000000000000")]
    [InlineData("99999999999999999999999999999999")]
    public void Amounts_beyond_the_minor_unit_range_are_refused_not_wrapped(string text)
    {
        var error = Assert.Throws<DomainException>(() => MoneyValue.Parse(text, Usd, "amount"));
        Assert.Equal("amount", error.Field);
    }

    [Fact]
    public void Jpy_accepts_larger_whole_amounts_than_usd_because_it_has_no_minor_digits() =>
        Assert.Equal(999_999_999_999_999_999, MoneyValue.Parse("999999999999999999", Jpy, "amount").Minor);
}
