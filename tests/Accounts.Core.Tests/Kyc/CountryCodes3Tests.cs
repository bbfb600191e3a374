using Accounts.Core.Kyc;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.Kyc;

public sealed class CountryCodes3Tests
{
    [Fact]
    public void All_249_assigned_codes_are_known() => Assert.Equal(249, CountryCodes3.All.Count);

    [Theory]
    [InlineData("ZAF", "ZAF")]
    [InlineData(" ken ", "KEN")]
    [InlineData("nga", "NGA")]
    public void Codes_parse_upper_cased(string text, string expected) => Assert.Equal(expected, CountryCodes3.Parse(text, "country"));

    [Theory]
    [InlineData(null)]
    [InlineData("ZA")]
    [InlineData("XYZ")]
    [InlineData("ZAFR")]
    public void Others_are_invalid_naming_the_field(string? text) =>
        Assert.Equal("country", Assert.Throws<DomainException>(() => CountryCodes3.Parse(text, "country")).Field);
}
