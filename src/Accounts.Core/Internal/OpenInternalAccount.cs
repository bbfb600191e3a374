using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Internal;

/// <summary>A create request for an internal account, already checked for presence and form by the dialect.</summary>
public sealed record OpenInternalAccount(
    string IdentityId,
    string Type,
    string Custody,
    string Currency,
    string Name,
    string? ExternalId,
    string? ParentId)
{
    /// <summary>What must match for a create replayed under the same externalId to return the same account.</summary>
    public string Fingerprint()
    {
        var canonical = string.Join('\n', IdentityId, Type, Custody, Currency, Name, ParentId ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
