using Accounts.Core.Notifications;
using Accounts.Functions.Api;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Notifications;

/// <summary>Standalone stand-in for the SweepNotifications timer: runs the sweeper every Notifications:SweepInterval.</summary>
public sealed class NotificationSweepService(NotificationSweeper sweeper, StartupGate gate, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<NotificationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!gate.IsOpen)
            {
                continue;
            }

            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Notification sweep failed; the rows stay due for the next one");
            }
        }
    }
}
