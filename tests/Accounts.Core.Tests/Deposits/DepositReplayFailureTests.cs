using Accounts.Core.Deposits;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// An event already applied comes back (its queue message carried another event that failed, or its delete was lost)
/// and its replay fails on the last allowed delivery: the recorded outcome stands, never turned into DeadLettered (an
/// operator refunds dead-lettered deposits).
/// </summary>
public sealed class DepositReplayFailureTests
{
    private readonly DepositProcessorRig _rig = new();

    [Fact]
    public async Task A_replay_that_fails_on_the_last_delivery_leaves_the_applied_outcome()
    {
        var message = await _rig.ReceivedAsync("ref-1");
        Assert.Equal(DepositStatus.Applied, (await _rig.Processor().ProcessAsync(message, 1, 3, CancellationToken.None)).Status);

        _rig.Ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => _rig.Processor().ProcessAsync(message, 3, 3, CancellationToken.None));

        var record = await _rig.RecordAsync("ref-1");
        Assert.Equal(DepositStatus.Applied, record!.Status);
        Assert.NotNull(record.EntryId);
    }

    [Fact]
    public async Task An_event_never_applied_is_dead_lettered_on_the_last_delivery()
    {
        var message = await _rig.ReceivedAsync("ref-2");

        _rig.Ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => _rig.Processor().ProcessAsync(message, 3, 3, CancellationToken.None));

        Assert.Equal(DepositStatus.DeadLettered, (await _rig.RecordAsync("ref-2"))!.Status);
    }
}
