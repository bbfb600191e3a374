using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Tables;

namespace Accounts.Bench;

/// <summary>One list measurement: a dialect's first page when its tenant (or book) holds <see cref="Size"/> items.</summary>
public sealed record ListPoint(string List, int Size, Sample? Page, string? Failure = null);

/// <summary>
/// A page of each dialect's list as the tenant grows (accounts added by <see cref="RowCloner"/>), and the Vertex
/// transaction list as one account's book grows (entries posted by the ledger engine, so the hash chain is real).
/// </summary>
public static class ListScenarios
{
    private const int PageRequests = 20;

    public static async Task<List<ListPoint>> AccountsAsync(HttpClient http, StorageTables appTables, string dialect,
        Func<BenchTenant, Task<DialectAccount>> open, IReadOnlyList<int> sizes)
    {
        var tenant = await BenchTenant.CreateAsync(http, $"list-{dialect.ToLowerInvariant()}");
        var template = await open(tenant);
        var cloner = await RowCloner.OfAsync(appTables, tenant.Id, template.Id, template.Number, firstSerial: 9 * (long)Math.Pow(10, template.Number.Length - 1));
        var points = new List<ListPoint>();
        var held = 1;
        foreach (var size in sizes)
        {
            await cloner.AddAsync(size - held);
            held = size;
            points.Add(await MeasureAsync($"{dialect} accounts", size, http, template.ListPage));
            if (points[^1].Failure is not null)
            {
                break; // a larger list would fail the same way; growing it further only costs time
            }
        }

        return points;
    }

    public static async Task<List<ListPoint>> VertexTransactionsAsync(HttpClient http, StorageTables appTables, IReadOnlyList<int> sizes)
    {
        var tenant = await BenchTenant.CreateAsync(http, "list-vertex-tx");
        var account = await DialectAccounts.VertexAsync(tenant);
        var ledger = new LedgerService(new Accounts.Storage.Ledger.TableLedgerStore(appTables), TimeProvider.System);
        var book = Books.OfAccount(tenant.Id, account.Id);
        var zar = new Currency("ZAR", 2);
        var points = new List<ListPoint>();
        var held = 0;
        foreach (var size in sizes)
        {
            var from = held;
            await Load.RunAsync(size - held, i => ledger.PostAsync(book, new Posting($"dep:bench-{from + i}:settled", account.Id,
                EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money(100, zar), BalanceDelta.SettledCredit(100),
                $"Deposit bench-{from + i}"), CancellationToken.None), concurrency: 64);
            held = size;
            points.Add(await MeasureAsync("Vertex transactions", size, http, () => DialectAccounts.VertexTransactions(tenant, account.Id)));
            if (points[^1].Failure is not null)
            {
                break;
            }
        }

        return points;
    }

    // A page the app cannot serve (it answers 503 after every retry) is a result too: the list does not scale.
    private static async Task<ListPoint> MeasureAsync(string list, int size, HttpClient http, Func<HttpRequestMessage> page)
    {
        try
        {
            var sample = await PageAsync(http, page);
            Console.WriteLine($"  {list} at {size,7}: p50 {sample.P50Ms,8:F1} ms");
            return new ListPoint(list, size, sample);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  {list} at {size,7}: failed ({e.Message})");
            return new ListPoint(list, size, null, e.Message);
        }
    }

    // One client at a time (a page's latency, not the server's throughput): 20 pages, or as many as fit in 15 s (at
    // least 3), so a list whose cost grows with the tenant still finishes.
    private static async Task<Sample> PageAsync(HttpClient http, Func<HttpRequestMessage> page)
    {
        var budget = System.Diagnostics.Stopwatch.StartNew();
        var pages = new List<Sample>();
        while (pages.Count < PageRequests && (pages.Count < 3 || budget.Elapsed < TimeSpan.FromSeconds(15)))
        {
            pages.Add(await Load.RunAsync(1, async _ =>
            {
                using var request = page();
                await BenchTenant.SendAsync(http, request, 200);
            }, concurrency: 1));
        }

        var latencies = pages.Select(p => p.P50Ms).Order().ToArray();
        return new Sample(pages.Count, budget.Elapsed.TotalSeconds, pages.Count / budget.Elapsed.TotalSeconds,
            latencies[(latencies.Length - 1) / 2], latencies[^1]);
    }
}
