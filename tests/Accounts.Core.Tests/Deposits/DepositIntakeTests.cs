using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// <see cref="DepositIntake"/> and <see cref="DepositOutboxSweeper"/> on their ports: nothing accepted is lost (the outbox
/// row is written before the record and outlives a failed send), nothing is queued for an event already processed, and
/// a key reused with other content is refused.
/// </summary>
public sealed class DepositIntakeTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly InMemoryDeposits _ports = new();
    private readonly ManualClock _clock = new(Arrival);
    private readonly DepositIntake _intake;
    private readonly DepositOutboxSweeper _sweeper;

    public DepositIntakeTests()
    {
        _intake = new DepositIntake(_ports, _ports, _ports, _ports, new DepositOutboxTiming(Grace), NullLogger<DepositIntake>.Instance);
        _sweeper = new DepositOutboxSweeper(_ports, _ports, _ports, _clock, NullLogger<DepositOutboxSweeper>.Instance);
    }

    [Fact]
    public async Task The_outbox_row_is_written_before_the_record_and_removed_only_after_the_send()
    {
        var deposit = Event("ref-1", "10.00");

        var eventId = await _intake.ReceiveAsync(deposit, CancellationToken.None);

        Assert.Equal(deposit.EventId, eventId);
        Assert.Equal(["outbox+ ref-1", "record ref-1", "send " + eventId, "outbox- ref-1"], _ports.Journal);
        Assert.Equal([_ports.Write(deposit)], _ports.Sent);
        Assert.Empty(_ports.Outbox);
    }

    [Fact]
    public async Task A_failed_send_still_accepts_the_event_and_the_sweeper_queues_it_once_the_grace_period_is_over()
    {
        _ports.SendFailure = new IOException("queue down");
        var deposit = Event("ref-2", "10.00");

        var eventId = await _intake.ReceiveAsync(deposit, CancellationToken.None);
        _ports.SendFailure = null;
        var early = await _sweeper.SweepAsync(CancellationToken.None);
        _clock.Advance(Grace);
        var due = await _sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(deposit.EventId, eventId);
        Assert.Equal((0, 1), (early, due));
        Assert.Equal([_ports.Write(deposit)], _ports.Sent);
        Assert.Empty(_ports.Outbox);
        Assert.Equal(DepositStatus.Received, (await _ports.GetAsync("tenant-1", "ref-2", DepositEventType.Settled, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_redelivery_keeps_the_first_record_and_is_queued_again_only_while_the_event_is_unprocessed()
    {
        var first = Event("ref-3", "10.00");
        await _intake.ReceiveAsync(first, CancellationToken.None);
        var again = first with { ReceivedAt = Arrival.AddMinutes(1) };

        var redelivered = await _intake.ReceiveAsync(again, CancellationToken.None);
        var record = (await _ports.GetAsync("tenant-1", "ref-3", DepositEventType.Settled, CancellationToken.None))!;
        await _ports.UpdateAsync(record with { Status = DepositStatus.Applied }, CancellationToken.None);
        await _intake.ReceiveAsync(again with { ReceivedAt = Arrival.AddMinutes(2) }, CancellationToken.None);

        Assert.Equal(first.EventId, redelivered);
        Assert.Equal(Arrival, record.ReceivedAt);
        Assert.Equal([_ports.Write(first), _ports.Write(first)], _ports.Sent); // the first message, never a third time
        Assert.Empty(_ports.Outbox); // each redelivery's own row is gone
    }

    [Fact]
    public async Task The_same_event_with_other_content_is_a_conflict_and_the_first_stands()
    {
        await _intake.ReceiveAsync(Event("ref-4", "10.00"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => _intake.ReceiveAsync(Event("ref-4", "99.00"), CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("event Settled for reference 'ref-4' was already received with different content", error.Message);
        Assert.Equal("10.00", (await _ports.GetAsync("tenant-1", "ref-4", DepositEventType.Settled, CancellationToken.None))!.Amount);
        Assert.Single(_ports.Sent);
    }

    [Fact]
    public async Task Answers_do_not_wait_for_the_send_and_a_reference_s_events_are_sent_in_the_order_received()
    {
        _ports.SendGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = Event("ref-5", "10.00") with { Type = DepositEventType.Pending };
        var settled = Event("ref-5", "10.00");
        var other = Event("ref-6", "1.00");

        // Each is answered while the queue holds every send.
        await _intake.ReceiveAsync(pending, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _intake.ReceiveAsync(settled, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _intake.ReceiveAsync(other, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // The settlement's send waits for the pending one's; another reference's starts at once.
        Assert.Equal(["send " + pending.EventId, "send " + other.EventId], Sends());
        _ports.SendGate.SetResult();
        for (var wait = 0; wait < 200 && _ports.Outbox.Count > 0; wait++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(["send " + pending.EventId, "send " + other.EventId, "send " + settled.EventId], Sends());
        Assert.Equal(_ports.Write(pending), _ports.Sent.First(m => _ports.Read(m).Reference == "ref-5"));
        Assert.Empty(_ports.Outbox);
    }

    private List<string> Sends()
    {
        lock (_ports.Journal)
        {
            return _ports.Journal.Where(j => j.StartsWith("send ", StringComparison.Ordinal)).ToList();
        }
    }

    private static DepositEvent Event(string reference, string amount)
    {
        var sgd = Currency.Parse("SGD", "currency");
        return new DepositEvent("tenant-1", DepositEventType.Settled, reference, "6200000001", Money.Money.Parse(amount, sgd, "amount"), null,
            null, Arrival.AddSeconds(-5), Arrival);
    }
}
