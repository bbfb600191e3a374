using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

public static class DepositRegistration
{
    public static WebApplicationBuilder AddDeposits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DepositService>();
        services.AddSingleton<IDepositMessageFormat, DepositMessageFormat>();
        services.AddSingleton<DepositIntake>();
        services.AddSingleton(sp => new DepositOutboxTiming(sp.GetRequiredService<IOptions<DepositOptions>>().Value.OutboxGracePeriod));
        services.AddSingleton<DepositProcessor>();
        services.AddSingleton<DepositQueueSignal>();
        services.AddSingleton<LocalQueueSender>();
        services.AddSingleton<QueuedReferences>();

        // Under the Functions host, Service Bus and the ApplyDeposit trigger take the local queue's place, and the
        // RequeueDeposits timer the sweeper's. A process that does not drain the local queue applies no deposits.
        var underHost = ListenAddress.IsUnderFunctionsHost(builder.Configuration);
        var applies = Enabled(builder, nameof(DepositOptions.LocalWorkerEnabled)) && !underHost;
        if (applies && Enabled(builder, nameof(DepositOptions.ApplyOnReceipt)))
        {
            services.AddSingleton<IDepositSender, LocalDepositApplier>();
        }
        else
        {
            services.AddSingleton<IDepositSender>(sp => sp.GetRequiredService<LocalQueueSender>());
        }

        services.AddSingleton<DepositOutboxSweeper>();
        services.AddOptions<DepositOptions>().BindConfiguration(DepositOptions.Section)
            .Validate(o => o.OutboxGracePeriod > TimeSpan.Zero && o.OutboxSweepInterval > TimeSpan.Zero,
                "Deposits:OutboxGracePeriod and Deposits:OutboxSweepInterval must be positive")
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromSeconds(1) && o.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond == 0,
                "Deposits:VisibilityTimeout must be a whole number of seconds, at least 1")
            .Validate(o => o.MaxIdlePoll > TimeSpan.Zero, "Deposits:MaxIdlePoll must be positive")
            .Validate(o => o.QueueMessageEvents is >= 1 and <= DepositQueueBatch.MaxEvents,
                $"Deposits:QueueMessageEvents must be 1 to {DepositQueueBatch.MaxEvents}")
            .ValidateOnStart();

        if (applies)
        {
            services.AddHostedService<LocalDepositWorker>();
        }

        if (Enabled(builder, nameof(DepositOptions.OutboxSweeperEnabled)) && !underHost)
        {
            services.AddPeriodicSweep<DepositOutboxSweeper>("Deposit outbox",
                sp => sp.GetRequiredService<IOptions<DepositOptions>>().Value.OutboxSweepInterval, (sweeper, ct) => sweeper.SweepAsync(ct));
        }

        if (underHost)
        {
            services.AddServiceBusDepositSender(builder.Configuration);
        }

        return builder;
    }

    private static bool Enabled(WebApplicationBuilder builder, string setting) =>
        builder.Configuration.GetValue(DepositOptions.Section + ":" + setting, true);
}
