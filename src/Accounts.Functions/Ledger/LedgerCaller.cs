using Accounts.Core.Tenancy;

namespace Accounts.Functions.Ledger;

/// <summary>The authenticated tenant of a Ledger request, set by <see cref="LedgerAuthFilter"/>.</summary>
public sealed record LedgerCaller(Tenant Tenant)
{
    public static LedgerCaller Of(HttpContext context) =>
        context.Items[typeof(LedgerCaller)] as LedgerCaller
        ?? throw new InvalidOperationException("Ledger endpoint reached without authentication");
}
