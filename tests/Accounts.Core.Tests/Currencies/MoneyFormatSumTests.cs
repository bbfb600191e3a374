using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Currencies;

/// <summary>Sums of balances (Int128, beyond what a long or a decimal holds) are rendered exactly.</summary>
public sealed class MoneyFormatSumTests
{
    [Theory]
    [InlineData("10000000000000000000", "PKR", "100000000000000000.00")] // a thousand balances at the ledger's limit
    [InlineData("9223372036854775808", "USD", "92233720368547758.08")] // long.MaxValue + 1
    [InlineData("-9223372036854775809", "USD", "-92233720368547758.09")]
    [InlineData("170141183460469231731687303715884105727", "JPY", "170141183460469231731687303715884105727")]
    [InlineData("-170141183460469231731687303715884105728", "KWD", "-170141183460469231731687303715884105.728")]
    [InlineData("79228162514264337593543950336", "CLF", "7922816251426433759354395.0336")] // past decimal's range
    [InlineData("5", "KWD", "0.005")]
    [InlineData("-5", "USD", "-0.05")]
    [InlineData("0", "CLF", "0.0000")]
    public void Int128_sums_print_every_digit_with_the_currency_decimals(string minor, string code, string expected) =>
        Assert.Equal(expected, MoneyValue.Format(Int128.Parse(minor, System.Globalization.CultureInfo.InvariantCulture),
            Currency.Parse(code, "currency")));
}
