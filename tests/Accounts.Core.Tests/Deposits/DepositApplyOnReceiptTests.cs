using Accounts.Core.Deposits;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// An event applied by the process that accepted it: its outcome is recorded as the first attempt; a failure is left
/// for the queue, so the record stays RECEIVED with no attempt counted and the outbox row stays (nothing is lost if
/// the queue send then fails too).
/// </summary>
public sealed class DepositApplyOnReceiptTests
{
    private readonly DepositProcessorRig _rig = new();

    [Fact]
    public async Task An_event_applied_on_receipt_is_recorded_as_its_first_attempt()
    {
        var message = await _rig.ReceivedAsync("ref-1");

        var outcome = await _rig.Processor().ApplyOnReceiptAsync(_rig.Ports.Read(message), message, CancellationToken.None);

        var record = await _rig.RecordAsync("ref-1");
        Assert.Equal(DepositStatus.Applied, outcome.Status);
        Assert.Equal(DepositStatus.Applied, record!.Status);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(outcome.EntryId, record.EntryId);
        Assert.Equal(500, (await _rig.Ledger.GetBalancesAsync(_rig.Account.BookId, CancellationToken.None)).Single().Posted);
    }

    [Fact]
    public async Task A_failure_on_receipt_leaves_the_record_received_and_the_outbox_row_for_the_queue()
    {
        var message = await _rig.ReceivedAsync("ref-2");

        _rig.Ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => _rig.Processor().ApplyOnReceiptAsync(_rig.Ports.Read(message), message, CancellationToken.None));

        var record = await _rig.RecordAsync("ref-2");
        Assert.Equal(DepositStatus.Received, record!.Status);
        Assert.Equal(0, record.Attempts);
        Assert.Equal("ref-2", Assert.Single(_rig.Ports.Outbox).Reference);
    }
}
