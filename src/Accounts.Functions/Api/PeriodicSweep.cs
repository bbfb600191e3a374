namespace Accounts.Functions.Api;

/// <summary>
/// Standalone stand-in for a sweep timer function (RequeueDeposits, SweepNotifications): runs the sweep every
/// interval once storage is ready. A failed sweep leaves its rows due, so the next tick tries again.
/// </summary>
public sealed class PeriodicSweep(string name, TimeSpan interval, Func<CancellationToken, Task> sweep, StartupGate gate,
    TimeProvider clock, ILogger<PeriodicSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!gate.IsOpen)
            {
                continue; // storage not ready yet: skip to the next tick
            }

            try
            {
                await sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Sweep} sweep failed; its rows stay due, retrying in {Interval}", name, interval);
            }
        }
    }
}

public static class PeriodicSweepRegistration
{
    /// <summary>Runs <paramref name="sweep"/> of the registered <typeparamref name="TSweeper"/> every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddPeriodicSweep<TSweeper>(this IServiceCollection services, string name,
        Func<IServiceProvider, TimeSpan> interval, Func<TSweeper, CancellationToken, Task> sweep)
        where TSweeper : notnull =>
        services.AddSingleton<IHostedService>(sp => new PeriodicSweep(name, interval(sp),
            ct => sweep(sp.GetRequiredService<TSweeper>(), ct), sp.GetRequiredService<StartupGate>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PeriodicSweep>>()));
}
