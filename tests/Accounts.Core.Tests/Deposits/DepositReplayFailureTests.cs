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
/// An event already applied comes back (its queue message carried another event that failed, or its delete was lost)
/// and its replay fails on the last allowed delivery: the recorded outcome stands, never turned into DeadLettered (an
/// operator refunds dead-lettered deposits).
/// </summary>
public sealed class DepositReplayFailureTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryDeposits _ports = new();
    private readonly ManualClock _clock = new(Arrival);
    private readonly InMemoryAccounts _accounts = new();
    private readonly FailingLedgerReads _ledger = new(new InMemoryLedgerStore());

    [Fact]
    public async Task A_replay_that_fails_on_the_last_delivery_leaves_the_applied_outcome()
    {
        await _accounts.InsertAsync(Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789" }, CancellationToken.None);
        var deposit = new DepositEvent("t-1", DepositEventType.Settled, "ref-1", "0123456789", new Money.Money(500, new Currency("PKR", 2)),
            null, null, Arrival, Arrival);
        var message = _ports.Write(deposit);
        await _ports.TryInsertAsync(DepositRecord.Received(deposit, message, _ports), CancellationToken.None);
        Assert.Equal(DepositStatus.Applied, (await Processor().ProcessAsync(message, 1, 3, CancellationToken.None)).Status);

        _ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => Processor().ProcessAsync(message, 3, 3, CancellationToken.None));

        var record = await _ports.GetAsync("t-1", "ref-1", DepositEventType.Settled, CancellationToken.None);
        Assert.Equal(DepositStatus.Applied, record!.Status);
        Assert.NotNull(record.EntryId);
    }

    [Fact]
    public async Task An_event_never_applied_is_dead_lettered_on_the_last_delivery()
    {
        await _accounts.InsertAsync(Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789" }, CancellationToken.None);
        var deposit = new DepositEvent("t-1", DepositEventType.Settled, "ref-2", "0123456789", new Money.Money(500, new Currency("PKR", 2)),
            null, null, Arrival, Arrival);
        var message = _ports.Write(deposit);
        await _ports.TryInsertAsync(DepositRecord.Received(deposit, message, _ports), CancellationToken.None);

        _ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => Processor().ProcessAsync(message, 3, 3, CancellationToken.None));

        Assert.Equal(DepositStatus.DeadLettered, (await _ports.GetAsync("t-1", "ref-2", DepositEventType.Settled, CancellationToken.None))!.Status);
    }

    private DepositProcessor Processor()
    {
        var deposits = new DepositService(_accounts, new LedgerService(_ledger, _clock), new ReceivingRules(InstitutionCatalog.Default, _clock));
        return new DepositProcessor(deposits, _ports, _ports, _ports, _clock, NullLogger<DepositProcessor>.Instance);
    }
}
