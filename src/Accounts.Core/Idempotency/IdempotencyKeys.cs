using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Claims;
using Accounts.Core.Errors;

namespace Accounts.Core.Idempotency;

/// <summary>
/// The one rule for the key of a mutating request, on insert-if-absent (never check-then-insert): the key is claimed
/// for an owner, the id of what the request makes, together with the request's fingerprint. The same key with the
/// same request continues under the first owner: a retry after a crash finishes the same work, and concurrent
/// duplicates converge on one owner, whose work is itself insert-if-absent by that id. The same key with a
/// different request is refused, named by the dialect's word for the key. A key claimed without a fingerprint is
/// unique: no other request may ever take it (a NUBAN customer's email, an externalId set by an update).
/// Keys whose outcome the dialect wants replayed verbatim (Zoqq's request key) are run by <see cref="RunOnceAsync"/>;
/// keys that only ever make one thing are derived from it (<see cref="DerivedId"/>).
/// </summary>
public sealed class IdempotencyKeys(IClaimStore claims, TimeProvider clock)
{
    /// <summary>How long a claim with no outcome yet counts as running; after it, a retry may take the claim over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

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

    /// <summary>
    /// Runs a request at most once per key and records its outcome: a retry with the same request gets the recorded
    /// outcome, one with a different request a conflict, one while the first is still running (within
    /// <see cref="Lease"/>) a conflict too. A claim whose request died is taken over after the lease under the same
    /// owner id, so the new attempt finds, rather than duplicates, whatever the first one created.
    /// </summary>
    /// <param name="run">Does the work given the owner id; returns the outcome to record (serialised by the dialect).</param>
    public async Task<string> RunOnceAsync(IdempotencyScope scope, string key, string fingerprint, Func<string, Task<string>> run,
        CancellationToken ct)
    {
        var (inserted, claim) = await claims.ClaimAsync(scope.Name, key,
            new RecordedClaim(Guid.CreateVersion7().ToString(), fingerprint, clock.GetUtcNow()), ct);
        if (!inserted)
        {
            if (claim.Fingerprint != fingerprint)
            {
                throw DomainException.Conflict($"{scope.KeyName} was already used with a different request; use a new key for a new request");
            }

            if (claim.IsComplete)
            {
                return claim.Outcome!;
            }

            claim = clock.GetUtcNow() - claim.ClaimedAt < Lease ? throw StillRunning(scope) : await TakeOverAsync(scope, key, claim, ct);
        }

        string outcome;
        try
        {
            outcome = await run(claim.Owner);
        }
        catch (DomainException)
        {
            // The request was refused, so nothing was done under this key: free it for a corrected retry (unless another
            // attempt took it over after our lease ran out; then it is theirs). Any other failure keeps the claim: the
            // work may have half happened, and a retry after the lease must reuse the same owner id to find it.
            await claims.ReleaseAsync(scope.Name, key, claim, CancellationToken.None);
            throw;
        }

        await claims.ReplaceAsync(scope.Name, key, claim with { Outcome = outcome }, CancellationToken.None);
        return outcome;
    }

    /// <summary>
    /// A UUID (version 8, RFC 9562) derived from a name, for a request that can only ever make one thing (the first
    /// account of an approved entity): every attempt computes the same id, and the insert-if-absent of what it makes
    /// is the key's claim — a separate claim row would hold nothing that row does not.
    /// </summary>
    public static string DerivedId(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private async Task<RecordedClaim> TakeOverAsync(IdempotencyScope scope, string key, RecordedClaim stale, CancellationToken ct)
    {
        try
        {
            return await claims.ReplaceAsync(scope.Name, key, stale with { ClaimedAt = clock.GetUtcNow() }, ct);
        }
        catch (ConcurrencyException)
        {
            throw StillRunning(scope);
        }
    }

    private static DomainException StillRunning(IdempotencyScope scope) =>
        DomainException.Conflict($"a request with this {scope.KeyName} is still being processed; retry later");
}

/// <summary>
/// Where keys with a recorded outcome are unique (<see cref="Name"/> is stored with every claim, so it never changes)
/// and what the dialect calls the key on the wire, so a refusal names the header or field the client sent.
/// </summary>
public sealed record IdempotencyScope(string Name, string KeyName);
