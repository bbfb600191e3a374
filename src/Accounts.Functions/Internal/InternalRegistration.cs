using Accounts.Core.Internal;

namespace Accounts.Functions.Internal;

public static class InternalRegistration
{
    public static WebApplicationBuilder AddInternalDialect(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<InternalParents>();
        services.AddSingleton<InternalProduct>();
        services.AddSingleton<InternalAccountDirectory>();
        services.AddSingleton<InternalAccountListing>();
        services.AddOptions<InternalCustodyOptions>().BindConfiguration(InternalCustodyOptions.Section);
        return builder;
    }
}
