using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Money;

namespace Accounts.Core.Tests.Kyc;

public sealed class NumberPoolTests
{
    private static readonly Currency Zar = Currency.Parse("ZAR", "currency");

    [Theory]
    [InlineData("6200000000-6299999999", 6200000000, 6299999999, 10)]
    [InlineData("0007-0009", 7, 9, 4)]
    [InlineData("5-5", 5, 5, 1)]
    public void Ranges_parse_with_their_width(string text, long from, long to, int width) =>
        Assert.Equal(new NumberRange(from, to, width), NumberRange.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("100")]
    [InlineData("100-99")]
    [InlineData("100-1000")]
    [InlineData("1-2-3")]
    [InlineData("-5")]
    [InlineData("a1-b2")]
    [InlineData("1234567890123456789-1234567890123456789")]
    public void Malformed_ranges_are_refused(string text) =>
        Assert.Throws<FormatException>(() => NumberRange.Parse(text));

    [Fact]
    public void Numbers_run_through_every_range_in_order_keeping_leading_zeros()
    {
        var pool = new NumberPool("BWA", Zar, [NumberRange.Parse("000998-000999"), NumberRange.Parse("5000-5001")]);

        Assert.Equal(4, pool.Size);
        Assert.Equal(["000998", "000999", "5000", "5001"], Enumerable.Range(0, 4).Select(i => pool.NumberAt(i)));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.NumberAt(4));
        Assert.Equal("vertex-BWA", pool.InstitutionCode);
    }

    [Fact]
    public void Countries_without_a_pool_use_the_default_countrys()
    {
        var zaf = new NumberPool("ZAF", Zar, [NumberRange.Parse("1-9")]);
        var ken = new NumberPool("KEN", Currency.Parse("KES", "currency"), [NumberRange.Parse("1-9")]);
        var settings = new NumberPoolSettings([zaf, ken], "ZAF");

        Assert.Same(ken, settings.For("KEN"));
        Assert.Same(zaf, settings.For("NGA"));
        Assert.Throws<ArgumentException>(() => new NumberPoolSettings([ken], "ZAF"));
    }
}
