namespace Accounts.Core.Claims;

/// <summary>
/// Keys inside a scope (an email per tenant, an external id per tenant, a payment reference, a client's request key),
/// claimed by insert-if-absent so two concurrent requests can never both win. Claims are permanent unless released by
/// their owner. A claim whose outcome is recorded (<see cref="RecordedClaim"/>) lives in the same place and is
/// changed only at the version read, so an attempt that lost the key to a takeover cannot overwrite or free it.
/// </summary>
public interface IClaimStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="ownerId"/> with the claiming request's
    /// <paramref name="fingerprint"/> (null: none) unless it is held; returns the claim as stored, the earlier one when
    /// the key was taken.
    /// </summary>
    Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct);

    /// <summary>Who holds <paramref name="key"/>, or null when nobody does (a read: claims nothing).</summary>
    Task<KeyClaim?> FindAsync(string scope, string key, CancellationToken ct);

    /// <summary>
    /// Gives up a claim held by <paramref name="ownerId"/> (nothing happens when another owner holds it), so a request
    /// that claimed one key and then lost the race for another does not keep the first one forever.
    /// </summary>
    Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct);

    /// <summary>Inserts <paramref name="claim"/> unless the key is held; returns the claim as stored (with its version).</summary>
    Task<(bool Inserted, RecordedClaim Claim)> ClaimAsync(string scope, string key, RecordedClaim claim, CancellationToken ct);

    /// <summary>Replaces the claim if its version is current; throws ConcurrencyException otherwise (changed or gone).</summary>
    Task<RecordedClaim> ReplaceAsync(string scope, string key, RecordedClaim claim, CancellationToken ct);

    /// <summary>Deletes the claim if its version is current; returns false (and leaves the key alone) otherwise.</summary>
    Task<bool> ReleaseAsync(string scope, string key, RecordedClaim claim, CancellationToken ct);
}

/// <summary>Who holds a key, and the fingerprint of the request that claimed it (null for keys claimed without one).</summary>
public sealed record KeyClaim(string Owner, string? Fingerprint);

/// <summary>
/// A key whose outcome is kept for replay: its owner (the id of what the request makes), the request's fingerprint,
/// when the current attempt started, and the outcome once done — opaque here: the dialect serialised it.
/// </summary>
public sealed record RecordedClaim(string Owner, string Fingerprint, DateTimeOffset ClaimedAt, string? Outcome = null,
    string? Version = null)
{
    public bool IsComplete => Outcome is not null;
}
