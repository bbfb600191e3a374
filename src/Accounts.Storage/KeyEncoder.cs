using System.Text;

namespace Accounts.Storage;

/// <summary>
/// Turns any string into a safe Table Storage key component and back. Only ASCII letters, digits and <c>-_.~</c> pass
/// through; every other character is written as its UTF-8 bytes in <c>%XX</c> form. The output is therefore plain
/// ASCII (so 1 KiB = 1024 characters), never contains the forbidden <c>/ \ # ?</c> or control characters, and never
/// contains <c>|</c>, which composite keys use as their separator. Ids made of the safe characters (UUIDs, codes)
/// are unchanged, so their sort order is kept.
/// </summary>
public static class KeyEncoder
{
    /// <summary>Table Storage limits PartitionKey and RowKey to 1 KiB each.</summary>
    public const int MaxKeyLength = 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsSafe))
        {
            return CheckLength(value);
        }

        // Strict UTF-8 refuses lone surrogates, which could not be decoded back to the same string.
        var bytes = Utf8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 0x80 && IsSafe((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return CheckLength(builder.ToString());
    }

    /// <summary>Joins encoded components with '|'; unambiguous because encoded components never contain '|'.</summary>
    public static string Compose(params string[] components) => CheckLength(string.Join('|', components.Select(Encode)));

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.All(IsSafe))
        {
            return key;
        }

        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                bytes.Add(IsSafe(key[i]) ? (byte)key[i] : throw new FormatException($"'{key}' is not an encoded key"));
                continue;
            }

            if (i + 2 >= key.Length || !byte.TryParse(key.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value))
            {
                throw new FormatException($"'{key}' is not an encoded key");
            }

            bytes.Add(value);
            i += 2;
        }

        return Utf8.GetString(bytes.ToArray());
    }

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    // Client-supplied values are validated for length by the services; this guards the storage limit itself.
    private static string CheckLength(string key) => key.Length <= MaxKeyLength
        ? key
        : throw new ArgumentException($"Encoded key is {key.Length} characters; Table Storage allows {MaxKeyLength}", nameof(key));
}
