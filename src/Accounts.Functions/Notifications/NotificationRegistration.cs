using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Notifications;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Hosting;
using Accounts.Functions.Operator;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Notifications;

/// <summary>Outbound notifications: the ledger's commit journal, dispatch, delivery, sweeper and the operator routes.</summary>
public static class NotificationRegistration
{
    public const string Queue = "notifications";

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.Grace > TimeSpan.Zero && o.Lease > o.RequestTimeout && o.SweepInterval > TimeSpan.Zero,
                "Notifications:Grace and SweepInterval must be positive, and Lease longer than RequestTimeout")
            .Validate(o => o.Jitter is >= 0 and < 1, "Notifications:Jitter must be from 0 to below 1")
            .Validate(o => o.MaxResponseBytes > 0, "Notifications:MaxResponseBytes must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.ToSettings());
        var development = builder.Environment.IsDevelopment();
        services.AddSingleton(sp => new EndpointUrlRules(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.AllowLocalHttp ?? development));
        services.AddSingleton<EndpointDirectory>();
        services.AddSingleton<WebhookEndpointAdministration>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddSingleton<NotificationSweeper>();
        services.AddSingleton<ICommitJournal, NotificationJournal>();
        services.AddSingleton<BookDispatchWorker>();
        services.AddSingleton<IBookDispatch>(sp => sp.GetRequiredService<BookDispatchWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<BookDispatchWorker>());
        services.AddSingleton<IWebhookTransport, WebhookTransport>();

        // account.created and account.expired: every account write passes the notifying store, wrapped around the one
        // the storage registration chose.
        var accounts = services.Last(d => d.ServiceType == typeof(IAccountStore));
        services.Replace(ServiceDescriptor.Singleton<IAccountStore>(sp => ActivatorUtilities.CreateInstance<NotifyingAccountStore>(sp,
            accounts.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.GetServiceOrCreateInstance(sp, accounts.ImplementationType!))));
        services.AddSingleton<NotificationSignal>();

        if (ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            // The deposit pipeline registered the Service Bus client; notifications use their own queue on it.
            services.AddSingleton<IDeliverySender>(sp => new ServiceBusDeliverySender(
                sp.GetRequiredService<ServiceBusClient>().CreateSender(Queue), sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IDeliverySender, LocalDeliverySender>();
            services.AddPeriodicSweep<NotificationSweeper>("Notification",
                sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.SweepInterval, (sweeper, ct) => sweeper.SweepAsync(ct));
            if (builder.Configuration.GetValue(NotificationOptions.Section + ":" + nameof(NotificationOptions.LocalWorkerEnabled), true))
            {
                services.AddHostedService<LocalNotificationWorker>();
            }
        }

        return builder;
    }

    public static WebApplication MapNotificationEndpoints(this WebApplication app)
    {
        var tenant = app.MapGroup("/operator/tenants/{tenantId}")
            .AddEndpointFilter<OperatorErrorFilter>()
            .AddEndpointFilter<OperatorAuthFilter>()
            .AddEndpointFilter<StartupGateFilter>();
        tenant.MapPost("/webhook-endpoints", WebhookEndpointsApi.Create).AsFunction("OperatorCreateWebhookEndpoint");
        tenant.MapGet("/webhook-endpoints", WebhookEndpointsApi.List).AsFunction("OperatorListWebhookEndpoints");
        tenant.MapGet("/webhook-endpoints/{endpointId}", WebhookEndpointsApi.Get).AsFunction("OperatorGetWebhookEndpoint");
        tenant.MapPatch("/webhook-endpoints/{endpointId}", WebhookEndpointsApi.Update).AsFunction("OperatorUpdateWebhookEndpoint");
        tenant.MapDelete("/webhook-endpoints/{endpointId}", WebhookEndpointsApi.Delete).AsFunction("OperatorDeleteWebhookEndpoint");
        tenant.MapPost("/webhook-endpoints/{endpointId}/secret", WebhookEndpointsApi.RotateSecret).AsFunction("OperatorRotateWebhookEndpointSecret");
        tenant.MapGet("/webhook-endpoints/{endpointId}/deliveries", WebhookEndpointsApi.EndpointDeliveries)
            .AsFunction("OperatorListWebhookEndpointDeliveries");
        tenant.MapGet("/notification-events/{eventId}", WebhookEndpointsApi.GetEvent).AsFunction("OperatorGetNotificationEvent");
        tenant.MapPost("/notification-events/{eventId}/resend", WebhookEndpointsApi.Resend).AsFunction("OperatorResendNotificationEvent");

        app.MapFunction(NotificationFunctions.DeliverName,
                FunctionBinding.ServiceBusTrigger(NotificationFunctions.TriggerBinding, Queue, DepositEndpoints.Connection,
                    isSessionsEnabled: false, batch: true),
                NotificationFunctions.DeliverAsync)
            .AddEndpointFilter<StartupGateFilter>();
        app.MapFunction(NotificationFunctions.SweepName, FunctionBinding.TimerTrigger("timer", NotificationFunctions.SweepSchedule),
            NotificationFunctions.SweepAsync);
        return app;
    }
}
