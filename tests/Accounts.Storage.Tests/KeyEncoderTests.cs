namespace Accounts.Storage.Tests;

public sealed class KeyEncoderTests
{
    private static readonly string[] Awkward =
    [
        "a/b", "a\\b", "#tag?q=1", "100%", "%41", "pipe|sep", "naïve 日本 €", "emoji 🚀 rocket", "tab\tnew\nline\u007f\u0085",
        "quote's \"double\"", "", "~tilde", "a%2Fb", "a%252Fb", "A/b", "a%7Cb", "bad\ud800", "bad\udc00",
        new string('x', 301), new string('x', 302), new string('/', 400), new string('日', 2000),
    ];

    [Fact]
    public void Every_value_gets_a_key_of_safe_characters_within_the_storage_limit()
    {
        Assert.All(Awkward.Select(KeyEncoder.Encode), key =>
        {
            Assert.InRange(key.Length, 0, KeyEncoder.MaxComponentLength);
            Assert.All(key, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '%', $"unsafe '{c}'"));
        });
    }

    [Fact]
    public void Different_values_never_encode_to_the_same_key()
    {
        Assert.Equal(Awkward.Length, Awkward.Select(KeyEncoder.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Safe_ids_are_left_unchanged_so_their_order_is_kept()
    {
        const string id = "01936f0e-7c3a-7d2b-9f00-1234abcd.x_y";

        Assert.Equal(id, KeyEncoder.Encode(id));
    }

    [Fact]
    public void Values_too_long_or_malformed_are_stored_by_digest()
    {
        Assert.Equal(300, KeyEncoder.Encode(new string('x', 300)).Length);
        Assert.Matches("^~[0-9a-f]{64}$", KeyEncoder.Encode(new string('x', 301)));
        Assert.Matches("^~[0-9a-f]{64}$", KeyEncoder.Encode("bad\ud800"));
        Assert.Equal(KeyEncoder.Encode(new string('/', 400)), KeyEncoder.Encode(new string('/', 400)));
    }

    [Fact]
    public void Composed_keys_do_not_collide_when_a_component_contains_the_separator()
    {
        Assert.NotEqual(KeyEncoder.Compose("a|b", "c"), KeyEncoder.Compose("a", "b|c"));
    }

    [Fact]
    public void Three_components_of_any_size_compose_into_one_key()
    {
        var key = KeyEncoder.Compose(new string('日', 500), new string('/', 500), new string('x', 300));

        Assert.True(key.Length <= KeyEncoder.MaxKeyLength);
    }
}
