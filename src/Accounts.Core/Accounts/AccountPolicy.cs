namespace Accounts.Core.Accounts;

/// <summary>
/// What differs between account products, asked by the one lifecycle (<see cref="AccountLifecycle"/>) and the
/// receiving rules; a dialect picks a product, it never decides these.
/// </summary>
/// <param name="BookPerHolder">All the holder's accounts of this kind post to one wallet book (balances per user and
/// currency); otherwise each account is its own book, so it never shares a balance row.</param>
/// <param name="ReceivesOfferedCurrencies">Receives every currency its institution offers; otherwise only its own.</param>
/// <param name="CloseRequiresEmpty">Closing is refused while the account's book holds money (posted, pending or reserved).</param>
/// <param name="HasSubAccounts">Accounts may be opened under a parent; a parent cannot close while a sub-account is open.</param>
/// <param name="HidesClosed">A closed account is reported as not found; otherwise it stays visible but cannot change.</param>
public sealed record AccountPolicy(
    AccountKind Kind,
    bool BookPerHolder = false,
    bool ReceivesOfferedCurrencies = false,
    bool CloseRequiresEmpty = false,
    bool HasSubAccounts = false,
    bool HidesClosed = false)
{
    /// <summary>Zoqq's multi-currency receiving accounts.</summary>
    public static AccountPolicy Global { get; } = new(AccountKind.Global, BookPerHolder: true, ReceivesOfferedCurrencies: true);

    /// <summary>NGN accounts tied to one customer, receiving repeatedly.</summary>
    public static AccountPolicy NubanStatic { get; } = new(AccountKind.NubanStatic);

    /// <summary>NGN accounts for one expected payment, time-bound.</summary>
    public static AccountPolicy NubanDynamic { get; } = new(AccountKind.NubanDynamic);

    /// <summary>Internal ledger accounts: deleting one is only allowed when it is empty and has no open sub-accounts.</summary>
    public static AccountPolicy Internal { get; } = new(AccountKind.Internal, CloseRequiresEmpty: true, HasSubAccounts: true, HidesClosed: true);

    /// <summary>Accounts of KYC/KYB-verified entities (Vertex).</summary>
    public static AccountPolicy Entity { get; } = new(AccountKind.Entity);

    public static AccountPolicy Of(AccountKind kind) => kind switch
    {
        AccountKind.Global => Global,
        AccountKind.NubanStatic => NubanStatic,
        AccountKind.NubanDynamic => NubanDynamic,
        AccountKind.Internal => Internal,
        AccountKind.Entity => Entity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown account kind"),
    };

    /// <summary>The book an account of this product posts to (see <see cref="Books"/>).</summary>
    public string BookOf(string tenantId, string holderId, string accountId) =>
        BookPerHolder ? Books.OfWallet(tenantId, holderId) : Books.OfAccount(tenantId, accountId);
}
