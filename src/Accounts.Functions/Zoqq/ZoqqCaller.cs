using Accounts.Core.Tenancy;

namespace Accounts.Functions.Zoqq;

/// <summary>The authenticated tenant and user of a Zoqq request, set by <see cref="ZoqqAuthFilter"/>.</summary>
public sealed record ZoqqCaller(Tenant Tenant, string UserId, string RequestId)
{
    public static ZoqqCaller Of(HttpContext context) =>
        context.Items[typeof(ZoqqCaller)] as ZoqqCaller
        ?? throw new InvalidOperationException("Zoqq endpoint reached without authentication");
}
