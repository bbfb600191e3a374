using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Idempotency;
using Accounts.Core.Ledger;
using Accounts.Core.Routing;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Internal;
using Accounts.Functions.Notifications;
using Accounts.Functions.Nuban;
using Accounts.Functions.Operator;
using Accounts.Functions.Security;
using Accounts.Functions.Vertex;
using Accounts.Functions.Zoqq;

namespace Accounts.Functions;

/// <summary>Registers and maps the shared core, the deposit pipeline and every dialect.</summary>
public static class ApiRegistration
{
    public static WebApplicationBuilder AddAccountsApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(InstitutionCatalog.Default);
        services.AddSingleton<LedgerService>();
        services.AddSingleton<ReceivingRules>();
        services.AddSingleton<AccountSeal>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<AccountNumbers>();
        services.AddSingleton<AccountLists>();
        services.AddSingleton<AccountLifecycle>();
        services.AddServerSecrets();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TokenService>();
        services.AddOptions<DevTenantOptions>().BindConfiguration(DevTenantOptions.Section);
        services.AddSingleton<StartupGate>();
        services.AddHostedService<StartupTasks>();
        builder.AddDeposits().AddZoqq().AddNuban().AddInternalDialect().AddVertex().AddOperator();
        builder.AddNotifications();
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapZoqqEndpoints();
        app.MapDepositEndpoints();
        app.MapVertexEndpoints();
        app.MapLedgerEndpoints();
        app.MapNubanEndpoints();
        app.MapOperatorEndpoints();
        app.MapNotificationEndpoints();
        return app;
    }
}
