using System.Runtime.InteropServices;
using Accounts.Bench;
using Accounts.Storage;
using Accounts.Storage.Emulator;
using Accounts.Storage.Tables;

// The end-to-end benchmark (README "Benchmark"): the app in Release as its own process over its own Azurite, driven
// over HTTP at 32 concurrent clients, every scenario reported as a ratio to a raw baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/Accounts.Bench [-- --quick] [--only reads|deposits|lists] [--out <folder>]
// --only runs the baselines and one section (for working on it); its results go to bench/results/only-<section>.
var quick = args.Contains("--quick");
var outFolder = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
if (only is not (null or "reads" or "deposits" or "lists"))
{
    Console.Error.WriteLine($"--only must be reads, deposits or lists, not '{only}'");
    return 1;
}

bool Runs(string section) => only is null || only == section;
var scale = quick
    ? new { Reads = 500, Deposits = 400, DepositAccounts = 200, Lists = new[] { 100, 1_000, 5_000 }, Transactions = new[] { 100, 5_000 } }
    : new { Reads = 2_000, Deposits = 2_000, DepositAccounts = 1_000, Lists = new[] { 100, 10_000, 100_000 }, Transactions = new[] { 100, 100_000 } };
var repo = RepoPaths.FindRepoRoot(AppContext.BaseDirectory);
var ports = FreePorts.Take(4);
await using var azurite = await AzuriteProcess.StartAsync(
    new AzuriteOptions(Path.Combine(repo, "tools", "azurite"), null, ports[0], ports[1], ports[2]), CancellationToken.None);
StorageTables Tables(string prefix) => new(new TableStorageOptions
{
    ConnectionString = azurite.ConnectionString,
    TablePrefix = prefix,
    OperationTimeout = TimeSpan.FromSeconds(120),
    AttemptTimeout = TimeSpan.FromSeconds(60),
});
var raw = Tables("raw");
await new TableInitializer(raw).EnsureTablesAsync(CancellationToken.None);
await using var app = await AppProcess.StartAsync(repo, azurite.ConnectionString, "app", ports[3]);
var appTables = Tables("app");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };

Console.WriteLine("baselines");
await RawTables.InsertRowAsync(raw, "read", "row", CancellationToken.None);
var pairs = 0;
var inserts = 0;
Task<Sample> PointReads(int count) => Load.RunAsync(count, _ => RawTables.PointReadAsync(raw, "read", "row", CancellationToken.None));
Task<Sample> PairTransactions(int count)
{
    var first = Interlocked.Add(ref pairs, count) - count;
    return Load.RunAsync(count, i => RawTables.InsertPairAsync(raw, $"pair-{first + i:D10}", CancellationToken.None));
}

Task<Sample> SinglePartitionInserts(int count)
{
    var first = Interlocked.Add(ref inserts, count) - count;
    return Load.RunAsync(count, i => RawTables.InsertOneAsync(raw, first + i, CancellationToken.None));
}

var baselines = new Dictionary<string, Sample>
{
    ["raw point read"] = await PointReads(scale.Reads),
    ["raw 2-entity transaction"] = await PairTransactions(scale.Deposits),
    ["raw single-partition insert"] = await SinglePartitionInserts(scale.Deposits),
    ["trivial route (GET /)"] = await Load.RunAsync(scale.Reads, async _ => (await http.GetAsync("/")).EnsureSuccessStatusCode().Dispose()),
};

// Warm-up: each read and deposit scenario is measured after an unmeasured run of the same requests. The app's code
// is compiled again, optimized, while it first runs (tiered compilation): in the first seconds of the deposits, before
// there was a warm-up, the JIT's background thread used about 60% of the app's CPU (2 cores, shared with Azurite), so
// the first scenario of each kind measured the compiler more than the app.
var reads = new List<RateRatio>();
if (Runs("reads"))
{
    Console.WriteLine("reads");
    var tenant = await BenchTenant.CreateAsync(http, "reads");
    var zoqq = await DialectAccounts.ZoqqAsync(tenant);
    var readTargets = new (string Name, Func<HttpRequestMessage> Request)[]
    {
        ("Zoqq GET balance", () => tenant.Request(HttpMethod.Get, "/zoqq/api/v1/account/balance", userId: DialectAccounts.ZoqqUser)),
        ("Zoqq GET account", zoqq.Get),
        ("Internal GET account", (await DialectAccounts.InternalAsync(tenant)).Get),
        ("Nuban GET account", (await DialectAccounts.NubanAsync(tenant)).Get),
        ("Vertex get_details", (await DialectAccounts.VertexAsync(tenant)).Get),
    };
    foreach (var (name, request) in readTargets)
    {
        Task<Sample> Reads(int count) => Load.RunAsync(count, async _ =>
        {
            using var message = request();
            await BenchTenant.SendAsync(http, message, 200);
        });
        await Reads(scale.Reads / 4); // warm-up, unmeasured (see "Warm-up" above)
        reads.Add(await Paired.RunAsync(name, "raw point read", PointReads, scale.Reads, _ => Reads(scale.Reads)));
    }
}

var deposits = new List<RateRatio>();
var payer = await BenchTenant.CreateAsync(http, "deposits");
if (Runs("deposits"))
{
    Console.WriteLine("deposits");
    var spreadAccounts = new DepositTarget[scale.DepositAccounts];
    await Load.RunAsync(spreadAccounts.Length, async i => spreadAccounts[i] = await ZoqqTargetAsync($"spread-{i}"));
    // Warm-up, unmeasured: deposits into accounts of their own (checked like the measured ones).
    var warmAccounts = new DepositTarget[scale.DepositAccounts / 10];
    await Load.RunAsync(warmAccounts.Length, async i => warmAccounts[i] = await ZoqqTargetAsync($"warm-{i}"));
    await DepositScenarios.RunAsync(payer, http, warmAccounts, scale.Deposits / 2, "warm", round: 0);
    var spread = await Paired.RunAsync($"deposits over {spreadAccounts.Length:N0} accounts", "raw 2-entity transaction", PairTransactions,
        scale.Deposits, round => DepositScenarios.RunAsync(payer, http, spreadAccounts, scale.Deposits, "spread", round));
    var hotAccount = await ZoqqTargetAsync("hot");
    var hot = await Paired.RunAsync("deposits into one account", "raw single-partition insert", SinglePartitionInserts,
        scale.Deposits, round => DepositScenarios.RunAsync(payer, http, [hotAccount], scale.Deposits, "hot", round));
    deposits.AddRange([spread, hot]);
}

var lists = new List<ListPoint>();
if (Runs("lists"))
{
    Console.WriteLine("lists");
    lists.AddRange(await ListScenarios.AccountsAsync(http, appTables, "Zoqq", DialectAccounts.ZoqqAsync, scale.Lists));
    lists.AddRange(await ListScenarios.AccountsAsync(http, appTables, "Internal", t => DialectAccounts.InternalAsync(t), scale.Lists));
    lists.AddRange(await ListScenarios.AccountsAsync(http, appTables, "Nuban", DialectAccounts.NubanAsync, scale.Lists));
    lists.AddRange(await ListScenarios.AccountsAsync(http, appTables, "Vertex", DialectAccounts.VertexAsync, scale.Lists));
    lists.AddRange(await ListScenarios.VertexTransactionsAsync(http, appTables, scale.Transactions));
}

// A list that failed at some size has no ratio: its target is not met (reported as such). The largest list's page is
// compared with the first size's list measured in alternation with it.
var growth = lists.GroupBy(l => l.List)
    .Select(g => new GrowthRatio(g.Key, g.First().Size, scale.Lists.Contains(g.Last().Size) && g.Key != "Vertex transactions" ? scale.Lists[^1] : scale.Transactions[^1],
        g.All(l => l.Page is not null) && g.Count() > 1 && g.Last().Small is { } small ? g.Last().Page!.P50Ms / small.P50Ms : null))
    .ToList();

async Task<DepositTarget> ZoqqTargetAsync(string user) =>
    new((await DialectAccounts.ZoqqAsync(payer, user)).Number, () => DialectAccounts.ZoqqBalanceAsync(payer, user));

var result = new BenchResult(DateTimeOffset.UtcNow, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
    quick ? "quick" : "full", Load.Concurrency, baselines, reads, deposits, lists, growth, app.PeakMemoryMiB(), BenchTenant.Retries,
    BenchResult.Check(reads, deposits, growth));
await Report.WriteAsync(result, outFolder ?? Path.Combine(repo, "bench", "results",
    only is not null ? $"only-{only}" : quick ? "quick" : string.Empty));
return result.Targets.All(t => t.Met) ? 0 : 2;
