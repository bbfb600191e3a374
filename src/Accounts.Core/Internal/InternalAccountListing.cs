using Accounts.Core.Accounts;
using Accounts.Core.Claims;

namespace Accounts.Core.Internal;

/// <summary>
/// The internal account list: deleted accounts are never listed. Each filter that has an index picks where the page is
/// read from — accountNumber the number index, externalId its claim (a page of at most one), parentId the parent's
/// list of sub-accounts, identityId the holder's list, otherwise the tenant's list of internal accounts — and a page
/// costs the page: a head read and point reads of its positions. The other filters (type, currency, status, dates)
/// are applied while reading, which reads on until the page is full; their total counts the whole list, and an offset
/// costs the accounts it skips.
/// </summary>
public sealed class InternalAccountListing(IAccountStore accounts, AccountLists lists, IClaimStore claims, InternalAccountDirectory directory)
{
    public async Task<InternalAccountPage> ListAsync(string tenantId, InternalAccountFilter filter, InternalPageRequest page,
        CancellationToken ct)
    {
        bool Keep(Account a) => a.Kind == AccountKind.Internal && !a.IsClosed && filter.Matches(a);
        if (filter.AccountNumber is not null || filter.ExternalId is not null)
        {
            var found = await FindOneAsync(tenantId, filter, ct);
            var one = found is not null && Keep(found) ? new[] { found } : [];
            var first = (page.Cursor?.Position ?? 0) + page.Offset;
            var shown = first == 0 ? one.Take(page.Limit).ToList() : [];
            return new InternalAccountPage(await directory.ViewAsync(shown, ct), one.Length, null, first > 0 && one.Length > 0 ? ListCursor.Start : null);
        }

        var list = filter.ParentId is not null ? AccountList.OfParent(tenantId, AccountKind.Internal, filter.ParentId)
            : filter.IdentityId is not null ? AccountList.OfHolder(tenantId, AccountKind.Internal, filter.IdentityId)
            : AccountList.OfKinds(tenantId, AccountKind.Internal);
        var head = await lists.HeadAsync(list, ct);
        var start = page.Cursor?.Position ?? 0;
        if (page.Offset > 0)
        {
            var skipped = await lists.ReadAsync(list, head, start, forward: true, page.Offset, Keep, ct);
            start = skipped.Count < page.Offset ? head.Appended : skipped[^1].Position + 1;
        }

        var read = await lists.ReadAsync(list, head, start, forward: true, page.Limit + 1, Keep, ct);
        var results = read.Take(page.Limit).ToList();
        var next = read.Count > page.Limit ? new ListCursor(results[^1].Position + 1) : null;
        var before = start <= 0 ? [] : await lists.ReadAsync(list, head, Math.Min(start, head.Appended) - 1, forward: false, page.Limit, Keep, ct);
        var previous = before.Count == 0 ? null : before.Count < page.Limit ? ListCursor.Start : new ListCursor(before[^1].Position);
        var total = Residual(filter) ? (await lists.ReadAsync(list, head, 0, forward: true, int.MaxValue, Keep, ct)).Count : head.Open;
        return new InternalAccountPage(await directory.ViewAsync(results.Select(r => r.Account).ToList(), ct),
            (int)Math.Min(int.MaxValue, total), next, previous);
    }

    // Filters the chosen list does not answer by itself; with any of them the total must be counted.
    private static bool Residual(InternalAccountFilter filter) =>
        (filter.ParentId is not null && filter.IdentityId is not null)
        || filter.Type is not null || filter.Currency is not null || filter.Status is not null || filter.Created is not null;

    private async Task<Account?> FindOneAsync(string tenantId, InternalAccountFilter filter, CancellationToken ct)
    {
        if (filter.AccountNumber is not null)
        {
            return await accounts.FindByNumberAsync(tenantId, filter.AccountNumber, ct);
        }

        // An externalId is claimed for its account before the account holds it; Keep checks that it does.
        var claim = await claims.FindAsync(AccountLifecycle.ExternalIdScope(tenantId), filter.ExternalId!, ct);
        return claim is null ? null : await accounts.GetAsync(tenantId, claim.Owner, ct);
    }
}

/// <summary>
/// One page of a list. <see cref="Total"/> counts every match; <see cref="Next"/> and <see cref="Previous"/> are the
/// cursors of the neighbouring pages, null at either end.
/// </summary>
public sealed record InternalAccountPage(IReadOnlyList<InternalAccountView> Results, int Total, ListCursor? Next, ListCursor? Previous);

/// <summary>A page: <see cref="Limit"/> accounts from <see cref="Cursor"/> (the start when null), skipping <see cref="Offset"/>.</summary>
public sealed record InternalPageRequest(int Limit, int Offset, ListCursor? Cursor);
