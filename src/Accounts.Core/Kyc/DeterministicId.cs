using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Kyc;

/// <summary>
/// A UUID (version 8, RFC 9562) derived from a name, so every process that needs "the" id for something — the first
/// account of an entity — computes the same one, and a second insert of it is refused by the store.
/// </summary>
public static class DeterministicId
{
    public static string From(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
