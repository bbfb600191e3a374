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
/// An event applied by the process that accepted it: its outcome is recorded as the first attempt; a failure is left
/// for the queue, so the record stays RECEIVED with no attempt counted and the outbox row stays (nothing is lost if
/// the queue send then fails too).
/// </summary>
public sealed class DepositApplyOnReceiptTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryDeposits _ports = new();
    private readonly ManualClock _clock = new(Arrival);
    private readonly InMemoryAccounts _accounts = new();
    private readonly FailingLedgerReads _ledger = new(new InMemoryLedgerStore());
    private readonly Account _account = Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789" };

    [Fact]
    public async Task An_event_applied_on_receipt_is_recorded_as_its_first_attempt()
    {
        var message = await AcceptAsync("ref-1");

        var outcome = await Processor().ApplyOnReceiptAsync(message, CancellationToken.None);

        var record = await _ports.GetAsync("t-1", "ref-1", DepositEventType.Settled, CancellationToken.None);
        Assert.Equal(DepositStatus.Applied, outcome.Status);
        Assert.Equal(DepositStatus.Applied, record!.Status);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(outcome.EntryId, record.EntryId);
        Assert.Equal(500, (await _ledger.GetBalancesAsync(_account.BookId, CancellationToken.None)).Single().Posted);
    }

    [Fact]
    public async Task A_failure_on_receipt_leaves_the_record_received_and_the_outbox_row_for_the_queue()
    {
        var message = await AcceptAsync("ref-2");

        _ledger.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => Processor().ApplyOnReceiptAsync(message, CancellationToken.None));

        var record = await _ports.GetAsync("t-1", "ref-2", DepositEventType.Settled, CancellationToken.None);
        Assert.Equal(DepositStatus.Received, record!.Status);
        Assert.Equal(0, record.Attempts);
        Assert.Equal("ref-2", Assert.Single(_ports.Outbox).Reference);
    }

    private async Task<string> AcceptAsync(string reference)
    {
        await _accounts.InsertAsync(_account, CancellationToken.None);
        var deposit = new DepositEvent("t-1", DepositEventType.Settled, reference, _account.AccountNumber, new Money.Money(500, new Currency("PKR", 2)),
            null, null, Arrival, Arrival);
        var message = _ports.Write(deposit);
        var record = DepositRecord.Received(deposit, message, _ports);
        await _ports.AddAsync(DepositOutboxEntry.Of(record), CancellationToken.None);
        await _ports.TryInsertAsync(record, CancellationToken.None);
        return message;
    }

    private DepositProcessor Processor()
    {
        var deposits = new DepositService(_accounts, new LedgerService(_ledger, _clock), new ReceivingRules(InstitutionCatalog.Default, _clock));
        return new DepositProcessor(deposits, _ports, _ports, _ports, _clock, NullLogger<DepositProcessor>.Instance);
    }
}
