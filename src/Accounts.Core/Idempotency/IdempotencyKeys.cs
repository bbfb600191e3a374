using Accounts.Core.Claims;

namespace Accounts.Core.Idempotency;

/// <summary>
/// The one rule for the key of a mutating request, on insert-if-absent (never check-then-insert): the key is claimed
/// for an owner, the id of what the request makes, together with the request's fingerprint. The same key with the
/// same request continues under the first owner: a retry after a crash finishes the same work, and concurrent
/// duplicates converge on one owner, whose work is itself insert-if-absent by that id. The same key with a
/// different request is refused, named by the dialect's word for the key. A key claimed without a fingerprint is
/// unique: no other request may ever take it (a NUBAN customer's email, an externalId set by an update).
/// Zoqq's <see cref="IdempotencyService"/> applies the same rule to keys whose outcome it records as well.
/// </summary>
public sealed class IdempotencyKeys(IClaimStore claims)
{
    /// <param name="legacyFingerprint">
    /// For keys stored before claims kept fingerprints: reads the fingerprint where the owner kept it, so those
    /// requests still replay.
    /// </param>
    /// <returns>The owner to continue under (<paramref name="ownerId"/> when the key was free), or null when another
    /// request holds the key.</returns>
    public async Task<string?> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct,
        Func<string, Task<string?>>? legacyFingerprint = null)
    {
        var held = await claims.ClaimAsync(scope, key, ownerId, fingerprint, ct);
        if (held.Owner == ownerId)
        {
            return ownerId;
        }

        if (fingerprint is null)
        {
            return null;
        }

        var heldFingerprint = held.Fingerprint ?? (legacyFingerprint is null ? null : await legacyFingerprint(held.Owner));
        return heldFingerprint == fingerprint ? held.Owner : null;
    }

    /// <summary>Claims a unique key for <paramref name="ownerId"/>; false when another owner holds it.</summary>
    public async Task<bool> ClaimUniqueAsync(string scope, string key, string ownerId, CancellationToken ct) =>
        await ClaimAsync(scope, key, ownerId, null, ct) is not null;

    /// <summary>Gives up a key held by <paramref name="ownerId"/>, so a refused or failed request leaves nothing behind.</summary>
    public Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct) => claims.ReleaseAsync(scope, key, ownerId, ct);
}
