using Accounts.Core.Internal;

namespace Accounts.Functions.Ledger;

public static class LedgerRegistration
{
    public static WebApplicationBuilder AddLedgerDialect(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<InternalParents>();
        services.AddSingleton<InternalAccountService>();
        services.AddSingleton<InternalAccountLifecycle>();
        services.AddSingleton<InternalAccountDirectory>();
        services.AddOptions<LedgerCustodyOptions>().BindConfiguration(LedgerCustodyOptions.Section);
        return builder;
    }
}
