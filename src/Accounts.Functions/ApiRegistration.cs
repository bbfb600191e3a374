using Accounts.Core.Global;
using Accounts.Core.Idempotency;
using Accounts.Core.Ledger;
using Accounts.Core.Routing;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Nuban;
using Accounts.Functions.Zoqq;

namespace Accounts.Functions;

/// <summary>Registers and maps the application services and every dialect's endpoints.</summary>
public static class ApiRegistration
{
    public static WebApplicationBuilder AddAccountsApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(InstitutionCatalog.Default);
        services.AddSingleton<LedgerService>();
        services.AddSingleton<AccountLedger>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<IdempotencyService>();
        services.AddSingleton<GlobalAccountService>();
        services.AddSingleton<WalletService>();
        services.AddOptions<DevTenantOptions>().BindConfiguration(DevTenantOptions.Section);
        services.AddSingleton<StartupGate>();
        services.AddHostedService<StartupTasks>();
        builder.AddNuban();
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapZoqqEndpoints();
        app.MapNubanEndpoints();
        return app;
    }
}
