using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Accounts.Storage;

/// <summary>
/// Turns any string into a safe Table Storage key component. Only ASCII letters, digits and <c>-_.</c> pass through;
/// every other character is written as its UTF-8 bytes in <c>%XX</c> form, so the output is plain ASCII, never
/// contains the forbidden <c>/ \ # ?</c> or control characters, and never contains <c>|</c>, which composite keys use
/// as their separator. Ids made of the safe characters (UUIDs, codes) are unchanged, so their order is kept.
/// A value whose encoding would be longer than <see cref="MaxComponentLength"/>, or that is not valid UTF-16, is
/// stored as <c>~</c> and its SHA-256 instead: every value has a key, and distinct values keep distinct keys (a
/// plain encoding never starts with <c>~</c>), so lookups of absurd client input simply find nothing.
/// </summary>
public static class KeyEncoder
{
    /// <summary>Table Storage limits PartitionKey and RowKey to 1 KiB each.</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Longest plain component; three of them still fit one key.</summary>
    public const int MaxComponentLength = 300;

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsWellFormed(value))
        {
            return Digest(value);
        }

        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 0x80 && IsSafe((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (builder.Length > MaxComponentLength)
            {
                return Digest(value);
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins encoded components with '|'; unambiguous because encoded components never contain '|'.</summary>
    public static string Compose(params string[] components) => CheckLength(string.Join('|', components.Select(Encode)));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    // Over the raw UTF-16 code units: defined for any string, lone surrogates included.
    private static string Digest(string value) =>
        "~" + Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(value.AsSpan())));

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string CheckLength(string key) => key.Length <= MaxKeyLength
        ? key
        : throw new ArgumentException($"Composed key is {key.Length} characters; Table Storage allows {MaxKeyLength}", nameof(key));
}
