using Accounts.Core.Deposits;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Deposits;

public static class DepositRegistration
{
    public static WebApplicationBuilder AddDeposits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DepositService>();
        services.AddSingleton<DepositIntake>();
        services.AddSingleton<DepositProcessor>();
        services.AddSingleton<DepositQueueSignal>();
        services.AddOptions<DepositOptions>().BindConfiguration(DepositOptions.Section);

        // Under the Functions host, Service Bus and the ApplyDeposit trigger take the local queue's place.
        if (builder.Configuration.GetValue(DepositOptions.Section + ":" + nameof(DepositOptions.LocalWorkerEnabled), true)
            && !ListenAddress.IsUnderFunctionsHost(builder.Configuration))
        {
            services.AddHostedService<LocalDepositWorker>();
        }

        return builder;
    }
}
