using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Entities;
using Accounts.Core.Global;
using Accounts.Core.Idempotency;
using Accounts.Core.Internal;
using Accounts.Core.Ledger;
using Accounts.Core.Routing;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Hosting;
using Accounts.Functions.Vertex;
using Accounts.Functions.Ledger;
using Accounts.Functions.Nuban;
using Accounts.Functions.Zoqq;
using Microsoft.Extensions.Options;

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
        services.AddSingleton<ReceivingRules>();
        services.AddSingleton<AccountLedger>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<IdempotencyService>();
        services.AddSingleton<GlobalAccountService>();
        services.AddSingleton<WalletService>();
        services.AddOptions<VertexOptions>().BindConfiguration(VertexOptions.Section)
            .Validate(o => o.ToSettings() is not null).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VertexOptions>>().Value.ToSettings());
        services.AddSingleton<AccountNumberPool>();
        services.AddSingleton<EntityAccountService>();
        services.AddSingleton<EntityService>();
        services.AddSingleton<EntityTransactionService>();
        services.AddSingleton<InternalParents>();
        services.AddSingleton<InternalAccountService>();
        services.AddSingleton<InternalAccountLifecycle>();
        services.AddSingleton<InternalAccountDirectory>();
        services.AddOptions<LedgerCustodyOptions>().BindConfiguration(LedgerCustodyOptions.Section);
        services.AddOptions<DevTenantOptions>().BindConfiguration(DevTenantOptions.Section);
        services.AddSingleton<DepositService>();
        services.AddSingleton<DepositIntake>();
        services.AddSingleton<DepositProcessor>();
        services.AddSingleton<DepositQueueSignal>();
        services.AddOptions<DepositOptions>().BindConfiguration(DepositOptions.Section);
        if (builder.Configuration.GetValue(DepositOptions.Section + ":" + nameof(DepositOptions.LocalWorkerEnabled), true)
            && !ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            services.AddHostedService<LocalDepositWorker>();
        }

        services.AddSingleton<StartupGate>();
        services.AddHostedService<StartupTasks>();
        builder.AddNuban();
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapZoqqEndpoints();
        app.MapDepositEndpoints();
        app.MapVertexEndpoints();
        app.MapLedgerEndpoints();
        app.MapNubanEndpoints();
        return app;
    }
}
