using Accounts.Core.NubanAccounts;
using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

/// <summary>
/// Standalone (dotnet run) stand-in for the ExpireDynamicAccounts timer: runs the same expirer once storage is ready
/// and then every minute. Not registered under the Functions host (its timer trigger does this) or in tests.
/// </summary>
public sealed class NubanExpiryService(DynamicAccountExpirer expirer, StartupGate gate, TimeProvider clock,
    ILogger<NubanExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            if (!gate.IsOpen)
            {
                continue; // storage not ready yet: skip to the next tick
            }

            try
            {
                var expired = await expirer.RunAsync(stoppingToken);
                logger.Log(expired > 0 ? LogLevel.Information : LogLevel.Debug, "{Function}: {Count} dynamic accounts expired",
                    NubanExpiryFunction.Name, expired);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged, not fatal: the next tick tries again, and reads treat overdue accounts as expired meanwhile.
                logger.LogError(ex, "{Function} failed; retrying in {Period}", NubanExpiryFunction.Name, Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
