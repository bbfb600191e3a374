namespace Accounts.Core.Accounts;

/// <summary>
/// An ordered list of a tenant's accounts, kept as index rows so that a page costs a bounded number of point reads
/// whatever the list's length: the accounts of some <see cref="Kinds"/>, narrowed to one holder or one parent. Every
/// account is appended, once, to each list it belongs to (<see cref="Of"/>) when it is opened; positions never change,
/// so a position is a stable cursor. Order is append order, which is creation order (see <see cref="AccountLists"/>).
/// </summary>
public sealed record AccountList
{
    private AccountList(string tenantId, IReadOnlyList<AccountKind> kinds, string? holderId, string? parentId)
    {
        TenantId = tenantId;
        Kinds = kinds;
        HolderId = holderId;
        ParentId = parentId;
    }

    public string TenantId { get; }

    public IReadOnlyList<AccountKind> Kinds { get; }

    public string? HolderId { get; }

    public string? ParentId { get; }

    /// <summary>Names the list within its tenant; the store keys its rows by it.</summary>
    public string Scope => string.Join('+', Kinds) + (HolderId is not null ? "|holder|" + HolderId : ParentId is not null ? "|parent|" + ParentId : "");

    /// <summary>Every account of the tenant of these kinds.</summary>
    public static AccountList OfKinds(string tenantId, params AccountKind[] kinds) =>
        new(tenantId, kinds.Distinct().Order().ToArray(), null, null);

    /// <summary>A holder's accounts of one kind.</summary>
    public static AccountList OfHolder(string tenantId, AccountKind kind, string holderId) => new(tenantId, [kind], holderId, null);

    /// <summary>The sub-accounts directly under a parent.</summary>
    public static AccountList OfParent(string tenantId, AccountKind kind, string parentId) => new(tenantId, [kind], null, parentId);

    /// <summary>Both NUBAN kinds together: the NUBAN list without a type filter.</summary>
    public static AccountList Nuban(string tenantId) => OfKinds(tenantId, AccountKind.NubanStatic, AccountKind.NubanDynamic);

    /// <summary>The lists an account belongs to, the tenant's list of its kind first (its position there fixes its creation time).</summary>
    public static IReadOnlyList<AccountList> Of(string tenantId, AccountKind kind, string holderId, string? parentId)
    {
        var lists = new List<AccountList> { OfKinds(tenantId, kind), OfHolder(tenantId, kind, holderId) };
        if (kind is AccountKind.NubanStatic or AccountKind.NubanDynamic)
        {
            lists.Add(Nuban(tenantId));
        }

        if (parentId is not null)
        {
            lists.Add(OfParent(tenantId, kind, parentId));
        }

        return lists;
    }

    /// <summary>True when <paramref name="account"/> belongs here; used to build a list from accounts stored before lists existed.</summary>
    public bool Contains(Account account) =>
        account.TenantId == TenantId && Kinds.Contains(account.Kind)
        && (HolderId is null || account.HolderId == HolderId)
        && (ParentId is null || account.ParentId == ParentId);

    public bool Equals(AccountList? other) => other is not null && TenantId == other.TenantId && Scope == other.Scope;

    public override int GetHashCode() => HashCode.Combine(TenantId, Scope);
}

/// <summary>
/// A list's counters: <see cref="Appended"/> positions (0 to Appended − 1) and how many of their accounts are closed.
/// <see cref="Generation"/> names the list's row set (a list is created once; a losing concurrent build is never seen).
/// </summary>
public sealed record AccountListHead(long Appended, long Closed, string Generation)
{
    public long Open => Appended - Closed;
}
