using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.NubanAccounts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accounts.Core.Tests.Fakes;

/// <summary>
/// A deposit processor over in-memory ports and one PKR account, with a ledger whose reads can be made to fail: what
/// the processor's tests share. <see cref="ReceivedAsync"/> accepts an event as the webhook does (outbox row, then
/// record) and returns its queued message.
/// </summary>
internal sealed class DepositProcessorRig
{
    public static readonly DateTimeOffset Arrival = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public InMemoryDeposits Ports { get; } = new();

    public ManualClock Clock { get; } = new(Arrival);

    public InMemoryAccounts Accounts { get; } = new();

    public FailingLedgerReads Ledger { get; } = new(new InMemoryLedgerStore());

    public Account Account { get; } = Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789" };

    /// <summary>A settled 5.00 PKR into <see cref="Account"/>, stored with its outbox row due at arrival + <paramref name="grace"/>.</summary>
    public async Task<string> ReceivedAsync(string reference, TimeSpan grace = default)
    {
        if (await Accounts.GetAsync(Account.TenantId, Account.Id, CancellationToken.None) is null)
        {
            await Accounts.InsertAsync(Account, CancellationToken.None);
        }

        var deposit = new DepositEvent(Account.TenantId, DepositEventType.Settled, reference, Account.AccountNumber,
            new Money.Money(500, new Currency("PKR", 2)), null, null, Arrival, Arrival);
        var message = Ports.Write(deposit);
        await Ports.AddAsync(DepositOutboxEntry.Of(deposit) with { DueAt = Arrival + grace }, CancellationToken.None);
        await Ports.TryInsertAsync(DepositRecord.Received(deposit, message, Ports), CancellationToken.None);
        return message;
    }

    public Task<DepositRecord?> RecordAsync(string reference) =>
        Ports.GetAsync(Account.TenantId, reference, DepositEventType.Settled, CancellationToken.None);

    public DepositProcessor Processor()
    {
        var deposits = new DepositService(Accounts, new LedgerService(Ledger, Clock), new ReceivingRules(InstitutionCatalog.Default, Clock));
        return new DepositProcessor(deposits, Ports, Ports, Ports, Clock, NullLogger<DepositProcessor>.Instance);
    }
}
