using Accounts.Core.Tenancy;

namespace Accounts.Functions.Nuban;

/// <summary>The authenticated tenant (the seed's merchant) of a Nuban request, set by <see cref="NubanAuthFilter"/>.</summary>
public static class NubanCaller
{
    public static Tenant Of(HttpContext http) =>
        http.Items[typeof(NubanCaller)] as Tenant ?? throw new InvalidOperationException("NubanAuthFilter did not run for this endpoint");

    public static void Set(HttpContext http, Tenant tenant) => http.Items[typeof(NubanCaller)] = tenant;
}
