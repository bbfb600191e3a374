using Accounts.Core.Errors;
using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Currencies;

public sealed class MoneyConversionTests
{
    private static readonly Currency Usd = Currency.Parse("USD", "currency");
    private static readonly Currency Jpy = Currency.Parse("JPY", "currency");
    private static readonly Currency Kwd = Currency.Parse("KWD", "currency");

    [Fact]
    public void FromDecimal_keeps_exact_cents()
    {
        Assert.Equal(10000, MoneyValue.FromDecimal(100.00m, Usd, "amount").Minor);
        Assert.Equal(10050, MoneyValue.FromDecimal(100.5m, Usd, "amount").Minor);
        Assert.Equal(1, MoneyValue.FromDecimal(0.01m, Usd, "amount").Minor);
    }

    [Fact]
    public void FromDecimal_is_exact_where_binary_floating_point_is_not()
    {
        // 0.1 + 0.2 is 0.30000000000000004 as a double; as a decimal it is exactly 0.3.
        Assert.Equal(30, MoneyValue.FromDecimal(0.1m + 0.2m, Usd, "amount").Minor);
    }

    [Fact]
    public void FromDecimal_refuses_more_decimals_than_the_currency_has()
    {
        Assert.Equal("amount", Assert.Throws<DomainException>(() => MoneyValue.FromDecimal(1.005m, Usd, "amount")).Field);
        Assert.Throws<DomainException>(() => MoneyValue.FromDecimal(1.5m, Jpy, "amount"));
        Assert.Throws<DomainException>(() => MoneyValue.FromDecimal(0.0000000000000000000000000001m, Usd, "amount"));
    }

    [Fact]
    public void FromDecimal_refuses_negatives_and_accepts_negative_zero_as_zero()
    {
        Assert.Equal("amount", Assert.Throws<DomainException>(() => MoneyValue.FromDecimal(-0.01m, Usd, "amount")).Field);
        Assert.Equal(0, MoneyValue.FromDecimal(new decimal(0, 0, 0, true, 2), Usd, "amount").Minor);
    }

    [Fact]
    public void FromDecimal_refuses_values_too_large_for_minor_units() =>
        Assert.Throws<DomainException>(() => MoneyValue.FromDecimal(decimal.MaxValue, Usd, "amount"));

    [Theory]
    [InlineData(100000, "USD", "1000.00")]
    [InlineData(10050, "USD", "100.50")]
    [InlineData(1, "USD", "0.01")]
    [InlineData(0, "USD", "0.00")]
    [InlineData(-300, "USD", "-3.00")]
    [InlineData(1000, "JPY", "1000")]
    [InlineData(0, "JPY", "0")]
    [InlineData(1500, "KWD", "1.500")]
    [InlineData(1, "KWD", "0.001")]
    [InlineData(12345, "CLF", "1.2345")]
    [InlineData(long.MaxValue, "USD", "92233720368547758.07")]
    [InlineData(long.MinValue, "USD", "-92233720368547758.08")]
    public void ToString_always_prints_the_currency_decimals(long minor, string code, string expected)
    {
        var money = new MoneyValue(minor, Currency.Parse(code, "currency"));

        Assert.Equal(expected, money.ToString());
        Assert.Equal(expected, MoneyValue.Format(minor, money.Currency));
    }

    [Fact]
    public void ToDecimal_has_the_currency_scale_so_serializers_print_trailing_zeros()
    {
        var usd = new MoneyValue(100000, Usd).ToDecimal();
        var kwd = new MoneyValue(1500, Kwd).ToDecimal();

        Assert.Equal(1000m, usd);
        Assert.Equal(2, usd.Scale);
        Assert.Equal(1.5m, kwd);
        Assert.Equal(3, kwd.Scale);
        Assert.Equal(0, new MoneyValue(1000, Jpy).ToDecimal().Scale);
    }

    [Theory]
    [InlineData("USD", "0.01")]
    [InlineData("USD", "123456.78")]
    [InlineData("KWD", "1.500")]
    [InlineData("JPY", "1000")]
    public void Parse_and_ToString_round_trip(string code, string text) =>
        Assert.Equal(text, MoneyValue.Parse(text, Currency.Parse(code, "currency"), "amount").ToString());

    [Fact]
    public void Add_sums_minor_units_of_one_currency()
    {
        var sum = new MoneyValue(10, Usd).Add(new MoneyValue(5, Usd));
        Assert.Equal(new MoneyValue(15, Usd), sum);
    }

    [Fact]
    public void Add_refuses_mixed_currencies_and_overflow()
    {
        Assert.Throws<InvalidOperationException>(() => new MoneyValue(10, Usd).Add(new MoneyValue(5, Kwd)));
        Assert.Throws<OverflowException>(() => new MoneyValue(long.MaxValue, Usd).Add(new MoneyValue(1, Usd)));
    }
}
