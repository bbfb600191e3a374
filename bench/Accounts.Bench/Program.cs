using System.Diagnostics;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage;
using Accounts.Storage.Emulator;
using Accounts.Storage.Ledger;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

// Deposit throughput on one hot book: the ledger service (group commit, hash chain, ETag-checked balance) against
// a raw baseline of plain single-entity inserts into the same Azurite, in the same run. Prints the ratio.
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var ports = FreePorts.Take(3);
var repo = RepoPaths.FindRepoRoot(AppContext.BaseDirectory);
await using var azurite = await AzuriteProcess.StartAsync(
    new AzuriteOptions(Path.Combine(repo, "tools", "azurite"), null, ports[0], ports[1], ports[2]), CancellationToken.None);
var tables = new StorageTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "bench" });
await new TableInitializer(tables).EnsureTablesAsync(CancellationToken.None);

var raw = await TimeAsync(count, i => tables.Claims.ExecuteAsync(
    TableOperation.Insert(new DynamicTableEntity("raw", i.ToString("D10")) { Properties = { ["Amount"] = new EntityProperty((long)i) } })));

var ledger = new LedgerService(new TableLedgerStore(tables), TimeProvider.System);
var usd = new Currency("USD", 2);
var posted = await TimeAsync(count, i => ledger.PostAsync("bench-book", new Posting($"dep-{i}", "acct", EntryType.Deposit,
    Direction.Credit, EntryStatus.Settled, new Money(100 + i, usd), BalanceDelta.SettledCredit(100 + i), "bench"), CancellationToken.None));

var balance = (await ledger.GetBalancesAsync("bench-book", CancellationToken.None)).Single().Posted;
var expected = Enumerable.Range(0, count).Sum(i => 100L + i);
Console.WriteLine($"raw inserts:      {count / raw.TotalSeconds,8:F0} ops/s");
Console.WriteLine($"ledger deposits:  {count / posted.TotalSeconds,8:F0} ops/s (one hot book, group commit)");
Console.WriteLine($"ratio ledger/raw: {raw.TotalSeconds / posted.TotalSeconds:F2}");
Console.WriteLine(balance == expected ? "balance exact" : $"BALANCE WRONG: {balance} != {expected}");
return balance == expected ? 0 : 1;

static async Task<TimeSpan> TimeAsync(int count, Func<int, Task> op)
{
    using var gate = new SemaphoreSlim(64);
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
