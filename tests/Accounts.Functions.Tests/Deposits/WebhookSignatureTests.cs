using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Errors;
using Accounts.Functions.Deposits;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>The signature rule itself: HMAC-SHA256 over "{timestamp}." and the exact body bytes, any candidate secret.</summary>
public class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_signature_is_the_hmac_of_the_timestamp_a_dot_and_the_raw_bytes()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'{', 0xFF, (byte)'}'];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"),
            (byte[])[.. Encoding.ASCII.GetBytes(Timestamp + "."), .. body]));

        Assert.Equal(expected, WebhookSignature.Sign("s3cret", Timestamp, body));
        WebhookSignature.Verify(["s3cret"], Timestamp, expected, body, Now);
    }

    [Fact]
    public void Bodies_that_decode_to_the_same_text_have_different_signatures()
    {
        byte[] a = [(byte)'"', 0xFF, (byte)'"'];
        byte[] b = [(byte)'"', 0xFE, (byte)'"'];
        Assert.Equal(Encoding.UTF8.GetString(a), Encoding.UTF8.GetString(b)); // both become "\uFFFD" when decoded leniently

        var error = Assert.Throws<DomainException>(() => WebhookSignature.Verify(["k"], Timestamp, WebhookSignature.Sign("k", Timestamp, a), b, Now));

        Assert.Equal(ErrorKind.Unauthorized, error.Kind);
    }

    [Fact]
    public void Any_one_of_the_candidate_secrets_verifies_and_no_other()
    {
        var body = "{\"a\":1}"u8.ToArray();

        WebhookSignature.Verify(["current", "previous"], Timestamp, WebhookSignature.Sign("current", Timestamp, body), body, Now);
        WebhookSignature.Verify(["current", "previous"], Timestamp, WebhookSignature.Sign("previous", Timestamp, body), body, Now);
        Assert.Throws<DomainException>(() =>
            WebhookSignature.Verify(["current", "previous"], Timestamp, WebhookSignature.Sign("retired", Timestamp, body), body, Now));
        Assert.Throws<DomainException>(() => WebhookSignature.Verify([], Timestamp, WebhookSignature.Sign("current", Timestamp, body), body, Now));
    }
}
