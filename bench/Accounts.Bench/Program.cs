using System.Diagnostics;
using Accounts.Bench;
using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage;
using Accounts.Storage.Accounts;
using Accounts.Storage.Tables;
using Accounts.Storage.Emulator;
using Accounts.Storage.Ledger;

// The storage layer against the bare table client, in one run against one Azurite at one concurrency, so the
// ratios say what the layer costs regardless of how loaded the machine is:
//  1. book commits: LedgerService.PostAsync on a fresh book (read the book, build, one entity-group transaction)
//     against a raw 2-entity entity-group transaction;
//  2. point reads: TableAccountStore.GetAsync (read + map to Account) against a raw point read of the same row;
//  3. deposits on one hot book (group commit) against raw single-entity inserts.
// Usage: dotnet run -c Release --project bench/Accounts.Bench [operations per measurement, default 2000]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
const int concurrency = 64;
var ports = FreePorts.Take(3);
var repo = RepoPaths.FindRepoRoot(AppContext.BaseDirectory);
await using var azurite = await AzuriteProcess.StartAsync(
    new AzuriteOptions(Path.Combine(repo, "tools", "azurite"), null, ports[0], ports[1], ports[2]), CancellationToken.None);
// Generous time bounds: on a loaded machine a queued call may take longer than the service's 8 s outage bound, and
// a benchmark should measure it, not fail.
var tables = new StorageTables(new TableStorageOptions
{
    ConnectionString = azurite.ConnectionString,
    TablePrefix = "bench",
    OperationTimeout = TimeSpan.FromSeconds(120),
    AttemptTimeout = TimeSpan.FromSeconds(60),
});
await new TableInitializer(tables).EnsureTablesAsync(CancellationToken.None);
var ct = CancellationToken.None;
var usd = new Currency("USD", 2);
var ledger = new LedgerService(new TableLedgerStore(tables), TimeProvider.System);
var accounts = new TableAccountStore(tables);

// Warm both paths (JIT, and a full connection pool below) so neither measurement pays the start-up.
await RawTables.InsertPairAsync(tables, "warm", ct);
await ledger.PostAsync("warm-book", Deposit(0), ct);

// Each pair is measured in alternating rounds (raw, layer, layer, raw, ...), so a burst of load from elsewhere on the
// machine falls on both sides instead of skewing one of them.
var account = await accounts.InsertAsync(SampleAccount(), ct);
await TimeAsync(4 * concurrency, _ => RawTables.PointReadAsync(tables, KeyEncoder.Encode(account.TenantId), KeyEncoder.Encode(account.Id), ct));
var (rawCommit, bookCommit) = await CompareAsync(
    i => RawTables.InsertPairAsync(tables, $"pair-{i:D10}", ct),
    i => ledger.PostAsync($"book-{i:D10}", Deposit(i), ct));
var (rawRead, storeRead) = await CompareAsync(
    _ => RawTables.PointReadAsync(tables, KeyEncoder.Encode(account.TenantId), KeyEncoder.Encode(account.Id), ct),
    _ => accounts.GetAsync(account.TenantId, account.Id, ct));
var (rawInsert, hotBook) = await CompareAsync(
    i => RawTables.InsertOneAsync(tables, i, ct),
    i => ledger.PostAsync("bench-book", Deposit(i), ct));

var balance = (await ledger.GetBalancesAsync("bench-book", ct)).Single().Posted;
var expected = Enumerable.Range(0, count / 4 * 4).Sum(i => 100L + i);
Console.WriteLine($"{count} operations per measurement, {concurrency} concurrent, {Environment.ProcessorCount} cores");
Report("raw 2-entity transactions", rawCommit, "book commits (fresh books)", bookCommit);
Report("raw point reads", rawRead, "account store reads", storeRead);
Report("raw inserts", rawInsert, "hot-book deposits (group commit)", hotBook);
Console.WriteLine(balance == expected ? "balance exact" : $"BALANCE WRONG: {balance} != {expected}");
return balance == expected ? 0 : 1;

void Report(string rawName, TimeSpan raw, string layerName, TimeSpan layer)
{
    var done = count / 4 * 4;
    Console.WriteLine($"{rawName,-34} {done / raw.TotalSeconds,8:F0} ops/s");
    Console.WriteLine($"{layerName,-34} {done / layer.TotalSeconds,8:F0} ops/s   ratio layer/raw {raw.TotalSeconds / layer.TotalSeconds:F2}");
}

async Task<(TimeSpan Raw, TimeSpan Layer)> CompareAsync(Func<int, Task> raw, Func<int, Task> layer)
{
    const int rounds = 4;
    var perRound = count / rounds;
    TimeSpan rawTime = TimeSpan.Zero, layerTime = TimeSpan.Zero;
    for (var round = 0; round < rounds; round++)
    {
        // Which side goes first alternates too, so neither always runs on a freshly warmed (or freshly disturbed) pool.
        var offset = round * perRound;
        if (round % 2 == 0)
        {
            rawTime += await TimeAsync(perRound, i => raw(offset + i));
            layerTime += await TimeAsync(perRound, i => layer(offset + i));
        }
        else
        {
            layerTime += await TimeAsync(perRound, i => layer(offset + i));
            rawTime += await TimeAsync(perRound, i => raw(offset + i));
        }
    }

    return (rawTime, layerTime);
}

Posting Deposit(int i) => new($"dep-{i}", "acct", EntryType.Deposit, Direction.Credit, EntryStatus.Settled,
    new Money(100 + i, usd), BalanceDelta.SettledCredit(100 + i), "bench");

static Account SampleAccount() => new()
{
    Id = Guid.CreateVersion7().ToString(),
    TenantId = "bench-tenant",
    Kind = AccountKind.Global,
    HolderId = "holder",
    AccountNumber = "0123456789",
    InstitutionCode = "999",
    Currency = "USD",
    Country = "US",
    Type = "CURRENT",
    Status = AccountStatus.Active,
    BookId = "bench-account-book",
    Label = "bench",
    CreatedAt = DateTimeOffset.UtcNow,
    UpdatedAt = DateTimeOffset.UtcNow,
    Attributes = new Dictionary<string, string> { ["holderName"] = "Bench Holder" },
};

static async Task<TimeSpan> TimeAsync(int count, Func<int, Task> op)
{
    using var gate = new SemaphoreSlim(concurrency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            await op(i);
        }
        finally
        {
            gate.Release();
        }
    }));
    return clock.Elapsed;
}
