using Accounts.Core.Idempotency;
using Accounts.Core.Errors;
using Accounts.Core.Security;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// The uniqueness rules of NUBAN accounts, per tenant, on the one key mechanism (<see cref="IdempotencyKeys"/>): one static account per email, per phone and per BVN, one
/// dynamic account per payment reference. Claims are permanent, so a closed static account keeps its contacts.
/// A customer's email, phone and BVN are claimed by their keyed hash (HMAC with the server's pepper, per tenant and
/// field), never in clear: claim keys travel in storage request URLs and logs, and a bare hash of an 11-digit BVN
/// or a known email would be reversed by guessing.
/// </summary>
public sealed class NubanClaims(IdempotencyKeys keys, KeyedHash hash)
{
    /// <summary>Claims the customer's email, phone and BVN for a new static account; all or none.</summary>
    public async Task ClaimCustomerAsync(string tenantId, NubanCustomer customer, string accountId, CancellationToken ct)
    {
        var wanted = new List<(string Scope, string Key, string Field)>
        {
            Personal(tenantId, "email", customer.Email, "email"),
            Personal(tenantId, "phone", customer.Phone, "phone_number"),
        };
        if (customer.Bvn is { } bvn)
        {
            wanted.Add(Personal(tenantId, "bvn", bvn, "bvn"));
        }

        try
        {
            foreach (var (scope, key, field) in wanted)
            {
                if (!await keys.ClaimUniqueAsync(scope, key, accountId, ct))
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
        var held = new List<(string Scope, string Key, string Field)>
        {
            Personal(tenantId, "email", customer.Email, "email"),
            Personal(tenantId, "phone", customer.Phone, "phone_number"),
        };
        if (customer.Bvn is { } bvn)
        {
            held.Add(Personal(tenantId, "bvn", bvn, "bvn"));
        }

        return ReleaseAllAsync(held.Select(h => (h.Scope, h.Key)), accountId);
    }

    public async Task ClaimReferenceAsync(string tenantId, string reference, string accountId, CancellationToken ct)
    {
        bool claimed;
        try
        {
            claimed = await keys.ClaimUniqueAsync(Scope(tenantId, "reference"), reference, accountId, ct);
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
        keys.ReleaseAsync(Scope(tenantId, "reference"), reference, accountId, CancellationToken.None);

    // Releasing must finish even when the request is being cancelled, or the keys would stay claimed.
    private async Task ReleaseAllAsync(IEnumerable<(string Scope, string Key)> held, string accountId)
    {
        foreach (var (scope, key) in held)
        {
            await keys.ReleaseAsync(scope, key, accountId, CancellationToken.None);
        }
    }

    private static string Scope(string tenantId, string name) => $"{tenantId}|nuban-{name}";

    /// <summary>
    /// The claim of a personal value: its keyed hash, made for this tenant and field, so equal values (already
    /// normalised by <see cref="NubanFields"/>) meet in one claim while nothing links them across tenants or fields.
    /// </summary>
    private (string Scope, string Key, string Field) Personal(string tenantId, string name, string value, string field)
    {
        var scope = Scope(tenantId, name);
        return (scope, hash.Of("claim:" + scope, value), field);
    }
}
