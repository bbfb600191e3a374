using Accounts.Core.Claims;
using Accounts.Core.Errors;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// The uniqueness rules of NUBAN accounts, per tenant: one static account per email, per phone and per BVN, one
/// dynamic account per payment reference. Claims are permanent, so a closed static account keeps its contacts.
/// </summary>
public sealed class NubanClaims(IClaimStore claims)
{
    /// <summary>Claims the customer's email, phone and BVN for a new static account; all or none.</summary>
    public async Task ClaimCustomerAsync(string tenantId, NubanCustomer customer, string accountId, CancellationToken ct)
    {
        var wanted = new List<(string Scope, string Key, string Field)>
        {
            (Scope(tenantId, "email"), customer.Email, "email"),
            (Scope(tenantId, "phone"), customer.Phone, "phone_number"),
        };
        if (customer.Bvn is { } bvn)
        {
            wanted.Add((Scope(tenantId, "bvn"), bvn, "bvn"));
        }

        try
        {
            foreach (var (scope, key, field) in wanted)
            {
                if (!await claims.TryClaimAsync(scope, key, accountId, ct))
                {
                    throw DomainException.Conflict($"an account already exists with this {field.Replace('_', ' ')}");
                }
            }
        }
        catch
        {
            // Refused, cancelled or failed half way: give back whatever this account holds, including a claim whose
            // write landed although its call failed (release only deletes a claim this account owns).
            await ReleaseAllAsync(wanted.Select(w => (w.Scope, w.Key)), accountId);
            throw;
        }
    }

    public Task ReleaseCustomerAsync(string tenantId, NubanCustomer customer, string accountId)
    {
        var held = new List<(string, string)> { (Scope(tenantId, "email"), customer.Email), (Scope(tenantId, "phone"), customer.Phone) };
        if (customer.Bvn is { } bvn)
        {
            held.Add((Scope(tenantId, "bvn"), bvn));
        }

        return ReleaseAllAsync(held, accountId);
    }

    public async Task ClaimReferenceAsync(string tenantId, string reference, string accountId, CancellationToken ct)
    {
        bool claimed;
        try
        {
            claimed = await claims.TryClaimAsync(Scope(tenantId, "reference"), reference, accountId, ct);
        }
        catch
        {
            await ReleaseReferenceAsync(tenantId, reference, accountId);
            throw;
        }

        if (!claimed)
        {
            throw DomainException.Conflict($"reference {reference} already exists");
        }
    }

    public Task ReleaseReferenceAsync(string tenantId, string reference, string accountId) =>
        claims.ReleaseAsync(Scope(tenantId, "reference"), reference, accountId, CancellationToken.None);

    // Releasing must finish even when the request is being cancelled, or the keys would stay claimed.
    private async Task ReleaseAllAsync(IEnumerable<(string Scope, string Key)> held, string accountId)
    {
        foreach (var (scope, key) in held)
        {
            await claims.ReleaseAsync(scope, key, accountId, CancellationToken.None);
        }
    }

    private static string Scope(string tenantId, string name) => $"{tenantId}|nuban-{name}";
}
