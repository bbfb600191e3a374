namespace Accounts.Storage.Tests;

public sealed class KeyEncoderTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("#tag?q=1")]
    [InlineData("100%")]
    [InlineData("%41")]
    [InlineData("pipe|sep")]
    [InlineData("naïve 日本 €")]
    [InlineData("emoji 🚀 rocket")]
    [InlineData("tab\tnew\nline\u007f\u0085")]
    [InlineData("quote's \"double\"")]
    [InlineData("")]
    public void Encoded_keys_round_trip_and_contain_only_safe_characters(string value)
    {
        var encoded = KeyEncoder.Encode(value);

        Assert.Equal(value, KeyEncoder.Decode(encoded));
        Assert.All(encoded, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '%', $"unsafe '{c}'"));
    }

    [Fact]
    public void Safe_ids_are_left_unchanged_so_their_order_is_kept()
    {
        const string id = "01936f0e-7c3a-7d2b-9f00-1234abcd.x_y~z";

        Assert.Equal(id, KeyEncoder.Encode(id));
    }

    [Fact]
    public void Different_values_never_encode_to_the_same_key()
    {
        string[] values = ["a%2Fb", "a/b", "a%252Fb", "A/b", "a|b", "a%7Cb"];

        Assert.Equal(values.Length, values.Select(KeyEncoder.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Composed_keys_do_not_collide_when_a_component_contains_the_separator()
    {
        Assert.NotEqual(KeyEncoder.Compose("a|b", "c"), KeyEncoder.Compose("a", "b|c"));
    }

    [Fact]
    public void Keys_longer_than_the_storage_limit_are_refused()
    {
        Assert.Equal(1024, KeyEncoder.Encode(new string('x', 1024)).Length);
        Assert.Throws<ArgumentException>(() => KeyEncoder.Encode(new string('x', 1025)));
        Assert.Throws<ArgumentException>(() => KeyEncoder.Encode(new string('/', 342)));
    }

    [Fact]
    public void Lone_surrogates_are_refused_because_they_cannot_round_trip()
    {
        Assert.ThrowsAny<ArgumentException>(() => KeyEncoder.Encode("bad\ud800"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%zz")]
    [InlineData("a/b")]
    public void Malformed_keys_are_refused_when_decoding(string key)
    {
        Assert.Throws<FormatException>(() => KeyEncoder.Decode(key));
    }
}
