using Accounts.Functions.Vertex;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>Pool configuration mistakes stop the app at start with the setting named, rather than failing a request.</summary>
public sealed class VertexOptionsTests
{
    private static VertexOptions With(string country, string currency, params string[] ranges) => new()
    {
        DefaultCountry = "zaf",
        Pools = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ZAF"] = new VertexPoolOptions { Currency = "ZAR", Ranges = ["6200000000-6299999999"] },
            [country] = new VertexPoolOptions { Currency = currency, Ranges = [.. ranges] },
        },
    };

    [Fact]
    public void Valid_options_become_the_cores_settings()
    {
        var settings = With("ken", "kes", "7100000000-7199999999", "7300000000-7300000009").ToSettings();

        Assert.Equal("ZAF", settings.DefaultCountry);
        var ken = settings.For("KEN");
        Assert.Equal(("KEN", "KES", 100_000_010L), (ken.Country, ken.Currency.Code, ken.Size));
    }

    [Theory]
    [InlineData("KE", "KES", "1-2", "Vertex:Pools:KE")]
    [InlineData("KEN", "XXY", "1-2", "Vertex:Pools:KEN:Currency")]
    [InlineData("KEN", "KES", "2-1", "Vertex:Pools:KEN:Ranges")]
    public void Bad_options_name_the_setting(string country, string currency, string range, string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => With(country, currency, range).ToSettings());

        Assert.StartsWith(setting, error.Message);
    }

    [Fact]
    public void A_pool_without_ranges_or_a_default_without_a_pool_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => With("KEN", "KES").ToSettings());
        Assert.Throws<ArgumentException>(() => new VertexOptions { DefaultCountry = "ZAF" }.ToSettings());
    }
}
