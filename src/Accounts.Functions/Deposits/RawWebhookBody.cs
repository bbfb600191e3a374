using System.Text;
using Accounts.Core.Errors;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The webhook body as the exact bytes received (what the signature covers) and, once verified, as text: strict
/// UTF-8, so a body the decoder would have to repair (invalid bytes, a byte order mark) is refused, never altered.
/// </summary>
public static class RawWebhookBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string Decode(ReadOnlySpan<byte> body)
    {
        // JSON text starts with a value (RFC 8259 §8.1); a BOM would be dropped by a lenient reader, so it is refused.
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            throw DomainException.Invalid("body", "request body must be UTF-8 JSON without a byte order mark");
        }

        try
        {
            return Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw DomainException.Invalid("body", "request body is not valid UTF-8");
        }
    }

    private static DomainException TooLarge() => DomainException.Invalid("body", $"request body must not exceed {MaxBytes} bytes");
}
