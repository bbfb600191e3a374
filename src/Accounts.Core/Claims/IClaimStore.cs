namespace Accounts.Core.Claims;

/// <summary>
/// Keys inside a scope (an email per tenant, an external id per tenant, a payment reference), claimed by
/// insert-if-absent so two concurrent requests can never both win. Claims are permanent unless released by their owner.
/// </summary>
public interface IClaimStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="ownerId"/> with the claiming request's
    /// <paramref name="fingerprint"/> (null: none) unless it is held; returns the claim as stored, the earlier one when
    /// the key was taken.
    /// </summary>
    Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct);

    /// <summary>
    /// Gives up a claim held by <paramref name="ownerId"/> (nothing happens when another owner holds it), so a request
    /// that claimed one key and then lost the race for another does not keep the first one forever.
    /// </summary>
    Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct);
}

/// <summary>Who holds a key, and the fingerprint of the request that claimed it (null for keys claimed without one).</summary>
public sealed record KeyClaim(string Owner, string? Fingerprint);
