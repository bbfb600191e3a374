namespace Accounts.Core.Internal;

/// <summary>Names of the attributes an internal account keeps beside the core fields.</summary>
public static class InternalAttributes
{
    public const string Custody = "custody";

    /// <summary>
    /// A digest of the create request, kept on accounts created before externalId claims held it: read only, so those
    /// creates still replay (see <see cref="Idempotency.IdempotencyKeys"/>).
    /// </summary>
    public const string CreateFingerprint = "create_fingerprint";
}
