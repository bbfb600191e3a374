using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;
using Accounts.Core.Tests.NubanAccounts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// An outbox row the webhook could not remove (it died after queueing the event) is not removed by the worker that
/// processes the event: the sweeper finds the record processed and drops the row without queueing the event again.
/// </summary>
public sealed class DepositOutboxLeftoverTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly InMemoryDeposits _ports = new();
    private readonly ManualClock _clock = new(Arrival);
    private readonly InMemoryAccounts _accounts = new();

    [Fact]
    public async Task A_processed_event_s_leftover_row_is_dropped_by_the_sweeper_and_not_queued_again()
    {
        await _accounts.InsertAsync(Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789" }, CancellationToken.None);
        var deposit = new DepositEvent("t-1", DepositEventType.Settled, "ref-1", "0123456789", new Money.Money(500, new Currency("PKR", 2)),
            null, null, Arrival, Arrival);
        var message = _ports.Write(deposit);
        var entry = DepositOutboxEntry.Of(deposit) with { DueAt = Arrival + Grace };
        await _ports.AddAsync(entry, CancellationToken.None);
        await _ports.TryInsertAsync(DepositRecord.Received(deposit, message, _ports), CancellationToken.None);
        await _ports.SendAsync(deposit.EventId, message, CancellationToken.None); // then the webhook died: the row stays

        var outcome = await Processor().ProcessAsync(message, deliveryCount: 1, maxDeliveries: 10, CancellationToken.None);
        var left = _ports.Outbox.Count;
        _clock.Advance(Grace);
        var requeued = await Sweeper().SweepAsync(CancellationToken.None);

        Assert.Equal(DepositStatus.Applied, outcome.Status);
        Assert.Equal(DepositStatus.Applied, (await _ports.GetAsync("t-1", "ref-1", DepositEventType.Settled, CancellationToken.None))!.Status);
        Assert.Equal(1, left); // the worker spent no request on it
        Assert.Equal(0, requeued);
        Assert.Empty(_ports.Outbox);
        Assert.Single(_ports.Sent);
    }

    private DepositProcessor Processor()
    {
        var deposits = new DepositService(_accounts, new LedgerService(new InMemoryLedgerStore(), _clock), new ReceivingRules(InstitutionCatalog.Default, _clock));
        return new DepositProcessor(deposits, _ports, _ports, _ports, _clock, NullLogger<DepositProcessor>.Instance);
    }

    private DepositOutboxSweeper Sweeper() => new(_ports, _ports, _ports, _clock, NullLogger<DepositOutboxSweeper>.Instance);
}
