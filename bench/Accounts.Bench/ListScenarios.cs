using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Tables;

namespace Accounts.Bench;

/// <summary>
/// One list measurement: a dialect's first page when its tenant (or book) holds <see cref="Size"/> items. Past the
/// first size, <see cref="Small"/> is the page of a list of the first size measured in alternation with it (so both
/// see the same machine: the growth ratio is taken between the two, as each read is against the raw baseline around it).
/// </summary>
public sealed record ListPoint(string List, int Size, Sample? Page, string? Failure = null, Sample? Small = null);

/// <summary>
/// A page of each dialect's list as the tenant grows (accounts added by <see cref="RowCloner"/>), and the Vertex
/// transaction list as one account's book grows (entries posted by the ledger engine, so the hash chain is real). A
/// second tenant (or book) stays at the first size, and its page is measured alongside each larger one.
/// </summary>
public static class ListScenarios
{
    private const int PageRequests = 40;

    public static async Task<List<ListPoint>> AccountsAsync(HttpClient http, StorageTables appTables, string dialect,
        Func<BenchTenant, Task<DialectAccount>> open, IReadOnlyList<int> sizes)
    {
        var small = await GrownAsync(http, appTables, dialect, "small", open, sizes[0]);
        var tenant = await BenchTenant.CreateAsync(http, $"list-{dialect.ToLowerInvariant()}");
        var template = await open(tenant);
        var cloner = await RowCloner.OfAsync(appTables, tenant.Id, template.Id, template.Number, firstSerial: 9 * (long)Math.Pow(10, template.Number.Length - 1));
        var points = new List<ListPoint>();
        var held = 1;
        foreach (var size in sizes)
        {
            await cloner.AddAsync(size - held);
            held = size;
            points.Add(await MeasureAsync($"{dialect} accounts", size, http, template.ListPage, size == sizes[0] ? null : small));
            if (points[^1].Failure is not null)
            {
                break; // a larger list would fail the same way; growing it further only costs time
            }
        }

        return points;
    }

    public static async Task<List<ListPoint>> VertexTransactionsAsync(HttpClient http, StorageTables appTables, IReadOnlyList<int> sizes)
    {
        var ledger = new LedgerService(new Accounts.Storage.Ledger.TableLedgerStore(appTables, AppProcess.Ledger), TimeProvider.System);
        var smallTenant = await BenchTenant.CreateAsync(http, "list-vertex-tx-small");
        var smallAccount = await DialectAccounts.VertexAsync(smallTenant);
        await PostAsync(ledger, smallTenant, smallAccount, 0, sizes[0]);
        Func<HttpRequestMessage> small = () => DialectAccounts.VertexTransactions(smallTenant, smallAccount.Id);
        var tenant = await BenchTenant.CreateAsync(http, "list-vertex-tx");
        var account = await DialectAccounts.VertexAsync(tenant);
        var points = new List<ListPoint>();
        var held = 0;
        foreach (var size in sizes)
        {
            await PostAsync(ledger, tenant, account, held, size);
            held = size;
            points.Add(await MeasureAsync("Vertex transactions", size, http, () => DialectAccounts.VertexTransactions(tenant, account.Id),
                size == sizes[0] ? null : small));
            if (points[^1].Failure is not null)
            {
                break;
            }
        }

        return points;
    }

    // A tenant holding `size` accounts of the dialect, for the list of the first size.
    private static async Task<Func<HttpRequestMessage>> GrownAsync(HttpClient http, StorageTables appTables, string dialect, string name,
        Func<BenchTenant, Task<DialectAccount>> open, int size)
    {
        var tenant = await BenchTenant.CreateAsync(http, $"list-{dialect.ToLowerInvariant()}-{name}");
        var template = await open(tenant);
        var cloner = await RowCloner.OfAsync(appTables, tenant.Id, template.Id, template.Number,
            firstSerial: 8 * (long)Math.Pow(10, template.Number.Length - 1));
        await cloner.AddAsync(size - 1);
        return template.ListPage;
    }

    // Entries `from` .. `to` - 1 of the account's book, settled deposits of 1.00 ZAR.
    private static Task PostAsync(LedgerService ledger, BenchTenant tenant, DialectAccount account, int from, int to) =>
        Load.RunAsync(to - from, i => ledger.PostAsync(Books.OfAccount(tenant.Id, account.Id), new Posting($"dep:bench-{from + i}:settled",
            account.Id, EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money(100, Zar), BalanceDelta.SettledCredit(100),
            $"Deposit bench-{from + i}"), CancellationToken.None), concurrency: 64);

    private static readonly Currency Zar = new("ZAR", 2);

    // A page the app cannot serve (it answers 503 after every retry) is a result too: the list does not scale. With
    // `small`, its pages alternate with this list's.
    private static async Task<ListPoint> MeasureAsync(string list, int size, HttpClient http, Func<HttpRequestMessage> page,
        Func<HttpRequestMessage>? small = null)
    {
        try
        {
            var (sample, alongside) = await PagesAsync(http, page, small);
            Console.WriteLine($"  {list} at {size,7}: p50 {sample.P50Ms,8:F1} ms" +
                (alongside is null ? string.Empty : $" (the small list alongside: {alongside.P50Ms:F1} ms)"));
            return new ListPoint(list, size, sample, Small: alongside);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"  {list} at {size,7}: failed ({e.Message})");
            return new ListPoint(list, size, null, e.Message);
        }
    }

    // One client at a time (a page's latency, not the server's throughput): 40 pages, or as many as fit in 30 s (at
    // least 3), so a list whose cost grows with the tenant still finishes; with `small`, one of its pages after each.
    private static async Task<(Sample Page, Sample? Small)> PagesAsync(HttpClient http, Func<HttpRequestMessage> page,
        Func<HttpRequestMessage>? small)
    {
        var budget = System.Diagnostics.Stopwatch.StartNew();
        var pages = new List<double>();
        var smalls = new List<double>();
        while (pages.Count < PageRequests && (pages.Count < 3 || budget.Elapsed < TimeSpan.FromSeconds(30)))
        {
            pages.Add(await TimeAsync(http, page));
            if (small is not null)
            {
                smalls.Add(await TimeAsync(http, small));
            }
        }

        var elapsed = budget.Elapsed.TotalSeconds;
        return (Summary(pages, elapsed), small is null ? null : Summary(smalls, elapsed));
    }

    private static async Task<double> TimeAsync(HttpClient http, Func<HttpRequestMessage> page) =>
        (await Load.RunAsync(1, async _ =>
        {
            using var request = page();
            await BenchTenant.SendAsync(http, request, 200);
        }, concurrency: 1)).P50Ms;

    private static Sample Summary(List<double> latencies, double seconds)
    {
        var sorted = latencies.Order().ToArray();
        return new Sample(sorted.Length, seconds, sorted.Length / seconds, sorted[(sorted.Length - 1) / 2], sorted[^1]);
    }
}
