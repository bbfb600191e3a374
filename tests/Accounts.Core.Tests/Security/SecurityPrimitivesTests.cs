using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Security;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Security;

public sealed class SecurityPrimitivesTests
{
    [Fact]
    public void A_sealed_value_opens_only_with_its_key_and_context_and_never_shows_the_plaintext()
    {
        var sealedValue = TestKeys.Box.Seal("whsec_secret-value", "tenant:t1:webhook-secret");

        Assert.StartsWith("v1:", sealedValue);
        Assert.DoesNotContain("secret-value", sealedValue);
        Assert.NotEqual(sealedValue, TestKeys.Box.Seal("whsec_secret-value", "tenant:t1:webhook-secret")); // fresh nonce
        Assert.Equal("whsec_secret-value", TestKeys.Box.Open(sealedValue, "tenant:t1:webhook-secret"));
        Assert.ThrowsAny<CryptographicException>(() => TestKeys.Box.Open(sealedValue, "tenant:t2:webhook-secret"));
        Assert.ThrowsAny<CryptographicException>(() =>
            new SecretBox(Encoding.UTF8.GetBytes("another-encryption-key-32-bytes!")).Open(sealedValue, "tenant:t1:webhook-secret"));
        var tampered = sealedValue[..^4] + (sealedValue[^4] == 'A' ? "B" : "A") + sealedValue[^3..];
        Assert.ThrowsAny<CryptographicException>(() => TestKeys.Box.Open(tampered, "tenant:t1:webhook-secret"));
        Assert.ThrowsAny<CryptographicException>(() => TestKeys.Box.Open("plain text", "tenant:t1:webhook-secret"));
    }

    [Fact]
    public void A_keyed_hash_depends_on_the_pepper_and_the_purpose_and_is_not_a_bare_sha256()
    {
        var other = new KeyedHash(Encoding.UTF8.GetBytes("another-pepper-0123456789-0123456789"));

        var hash = TestKeys.Hash.Of("api-key", "ak_value");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, TestKeys.Hash.Of("api-key", "ak_value"));
        Assert.NotEqual(hash, other.Of("api-key", "ak_value"));
        Assert.NotEqual(hash, TestKeys.Hash.Of("client-secret", "ak_value"));
        Assert.NotEqual(hash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ak_value"))));
        Assert.True(TestKeys.Hash.Matches("api-key", "ak_value", hash));
        Assert.False(TestKeys.Hash.Matches("api-key", "ak_valuf", hash));
    }

    [Fact]
    public void Keys_shorter_than_256_bits_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new KeyedHash(new byte[31]));
        Assert.Throws<ArgumentException>(() => new SecretBox(new byte[16]));
    }

    [Theory]
    [InlineData(GeneratedSecret.ApiKeyPrefix)]
    [InlineData(GeneratedSecret.ClientSecretPrefix)]
    [InlineData(GeneratedSecret.WebhookSecretPrefix)]
    public void Generated_secrets_carry_their_prefix_and_256_random_bits(string prefix)
    {
        var values = Enumerable.Range(0, 50).Select(_ => GeneratedSecret.New(prefix)).ToList();

        Assert.All(values, v => Assert.Matches($"^{prefix}[A-Za-z0-9_-]{{43}}$", v)); // 43 base64url characters = 256 bits
        Assert.Equal(values.Count, values.Distinct().Count());
    }
}
