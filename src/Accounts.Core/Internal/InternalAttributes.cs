namespace Accounts.Core.Internal;

/// <summary>Names of the attributes an internal account keeps beside the core fields.</summary>
public static class InternalAttributes
{
    public const string Custody = "custody";

    /// <summary>A digest of the create request, so a create replayed with the same externalId can be told from a reuse.</summary>
    public const string CreateFingerprint = "create_fingerprint";
}
