using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class IbanTests
{
    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("IE29AIBK93115212345678")]
    [InlineData("FR1420041010050500013M02606")] // letters inside the BBAN
    [InlineData("BE68539007547034")]
    [InlineData("DE02370400440000000024")] // lowest allowed check digits
    [InlineData("DE98370400440000000042")] // highest allowed check digits
    public void Known_valid_ibans_validate(string iban) => Assert.True(Iban.IsValid(iban));

    [Theory]
    [InlineData("GB82WEST12345698765433")] // last digit changed
    [InlineData("GB28WEST12345698765432")] // check digits swapped
    [InlineData("GB82WEST21345698765432")] // transposition
    [InlineData("DE89370400440532013001")]
    [InlineData("DE99370400440000000024")] // 99 aliases 02: remainder 1, but never issued
    [InlineData("DE01370400440000000042")] // 01 aliases 98
    [InlineData("gb82west12345698765432")] // electronic format is upper case
    [InlineData("GB82 WEST 1234 5698 7654 32")] // print format
    [InlineData("GB82WEST1234569876543")] // GB is 22 characters
    [InlineData("NL91ABNA04171643000")]
    [InlineData("XX82WEST12345698765432")] // not a country
    [InlineData("GB82WEST12345698765432\n")]
    [InlineData("GB")]
    [InlineData("")]
    [InlineData(null)]
    public void Altered_or_malformed_ibans_are_invalid(string? iban) => Assert.False(Iban.IsValid(iban));

    [Theory]
    [InlineData("GB", "WEST12345698765432", "82")]
    [InlineData("DE", "370400440532013000", "89")]
    [InlineData("NL", "ABNA0417164300", "91")]
    [InlineData("IE", "AIBK93115212345678", "29")]
    [InlineData("FR", "20041010050500013M02606", "14")]
    public void Check_digits_are_computed_mod_97(string country, string bban, string expected) =>
        Assert.Equal(expected, Iban.CheckDigits(country, bban));

    [Theory]
    [InlineData("gb", "WEST12345698765432")]
    [InlineData("GB", "west12345698765432")]
    [InlineData("GB", "")]
    [InlineData("GBR", "WEST12345698765432")]
    public void Check_digits_refuse_malformed_parts(string country, string bban) =>
        Assert.Throws<ArgumentException>(() => Iban.CheckDigits(country, bban));
}
