using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone stand-in for the RequeueDeposits timer: sweeps the deposit outbox every
/// <see cref="DepositOptions.OutboxSweepInterval"/> into the local queue once storage is ready.
/// </summary>
public sealed class DepositOutboxService(DepositOutboxSweeper sweeper, StartupGate gate, TimeProvider clock,
    IOptions<DepositOptions> options, ILogger<DepositOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.OutboxSweepInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!gate.IsOpen)
            {
                continue; // storage not ready yet: skip to the next tick
            }

            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The rows stay due, so the next tick tries again.
                logger.LogError(ex, "Deposit outbox sweep failed; retrying in {Interval}", interval);
            }
        }
    }
}
