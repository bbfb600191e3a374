using Accounts.Core.Deposits;
using Accounts.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// An outbox row the webhook could not remove (it died after queueing the event) is not removed by the worker that
/// processes the event: the sweeper finds the record processed and drops the row without queueing the event again.
/// </summary>
public sealed class DepositOutboxLeftoverTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly DepositProcessorRig _rig = new();

    [Fact]
    public async Task A_processed_event_s_leftover_row_is_dropped_by_the_sweeper_and_not_queued_again()
    {
        var message = await _rig.ReceivedAsync("ref-1", Grace);
        // Queued, then the webhook died: the row stays.
        await _rig.Ports.SendAsync(_rig.Ports.Read(message).EventId, message, CancellationToken.None);

        var outcome = await _rig.Processor().ProcessAsync(message, deliveryCount: 1, maxDeliveries: 10, CancellationToken.None);
        var left = _rig.Ports.Outbox.Count;
        _rig.Clock.Advance(Grace);
        var requeued = await Sweeper().SweepAsync(CancellationToken.None);

        Assert.Equal(DepositStatus.Applied, outcome.Status);
        Assert.Equal(DepositStatus.Applied, (await _rig.RecordAsync("ref-1"))!.Status);
        Assert.Equal(1, left); // the worker spent no request on it
        Assert.Equal(0, requeued);
        Assert.Empty(_rig.Ports.Outbox);
        Assert.Single(_rig.Ports.Sent);
    }

    private DepositOutboxSweeper Sweeper() =>
        new(_rig.Ports, _rig.Ports, _rig.Ports, _rig.Clock, NullLogger<DepositOutboxSweeper>.Instance);
}
