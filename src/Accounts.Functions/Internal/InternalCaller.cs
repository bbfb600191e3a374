using Accounts.Core.Tenancy;

namespace Accounts.Functions.Internal;

/// <summary>The authenticated tenant of a Ledger request, set by <see cref="InternalAuthFilter"/>.</summary>
public sealed record InternalCaller(Tenant Tenant)
{
    public static InternalCaller Of(HttpContext context) =>
        context.Items[typeof(InternalCaller)] as InternalCaller
        ?? throw new InvalidOperationException("Ledger endpoint reached without authentication");
}
