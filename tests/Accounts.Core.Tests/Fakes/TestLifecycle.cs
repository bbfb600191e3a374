using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Idempotency;
using Accounts.Core.Ledger;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Fakes;

/// <summary>The production lifecycle over in-memory stores, for core tests.</summary>
internal sealed class TestLifecycle
{
    public TestLifecycle(DateTimeOffset now, Func<int, int>? randomBelow = null)
    {
        Clock = new ManualClock(now);
        Ledger = new LedgerService(LedgerStore, Clock);
        Numbers = new AccountNumbers(Accounts, Pools, randomBelow);
        Keys = new IdempotencyKeys(Claims, Clock);
        Lists = new AccountLists(ListStore, Accounts, Clock, RecentReads.Default);
        Lifecycle = new AccountLifecycle(Accounts, Lists, Numbers, Keys, new AccountSeal(Ledger), Ledger, Clock);
    }

    public InMemoryAccounts Accounts { get; } = new();

    public InMemoryClaims Claims { get; } = new();

    public InMemoryAccountLists ListStore { get; } = new();

    public AccountLists Lists { get; }

    public InMemoryNumberPools Pools { get; } = new();

    public InMemoryLedgerStore LedgerStore { get; } = new();

    public ManualClock Clock { get; }

    public LedgerService Ledger { get; }

    public AccountNumbers Numbers { get; }

    public IdempotencyKeys Keys { get; }

    public AccountLifecycle Lifecycle { get; }
}
