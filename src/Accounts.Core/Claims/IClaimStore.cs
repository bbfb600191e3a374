namespace Accounts.Core.Claims;

/// <summary>
/// Unique keys inside a scope (an email per tenant, an external id per tenant, a payment reference), claimed by
/// insert-if-absent so two concurrent requests can never both win. Claims are permanent.
/// </summary>
public interface IClaimStore
{
    /// <summary>True when <paramref name="key"/> was free or is already held by <paramref name="ownerId"/>.</summary>
    Task<bool> TryClaimAsync(string scope, string key, string ownerId, CancellationToken ct);

    /// <summary>The owner of a claimed key, or null when nobody holds it.</summary>
    Task<string?> FindOwnerAsync(string scope, string key, CancellationToken ct);

    /// <summary>
    /// Gives up a claim held by <paramref name="ownerId"/> (nothing happens when another owner holds it), so a request
    /// that claimed one key and then lost the race for another does not keep the first one forever.
    /// </summary>
    Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct);
}
