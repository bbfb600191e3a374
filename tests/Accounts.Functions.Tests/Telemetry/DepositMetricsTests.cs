using Accounts.Functions.Telemetry;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Accounts.Functions.Tests.Telemetry;

/// <summary>
/// The "Accounts" meter seen through an in-memory exporter added to the app's own OpenTelemetry pipeline, after a real
/// deposit through the signed webhook and the local queue worker. The meter is process-wide and other tests deposit
/// too, so counts are compared before and after rather than expected exact.
/// </summary>
public sealed class DepositMetricsTests : IAsyncLifetime
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly MetricsApp _app;

    public DepositMetricsTests() => _app = new MetricsApp(_exported);

    [Fact]
    public async Task A_webhook_deposit_is_counted_accepted_and_applied_with_its_timings()
    {
        var zoqq = await ZoqqSession.StartAsync(_app);
        var account = await zoqq.OpenAsync();
        var before = Collect();

        using var client = _app.CreateClient();
        var reference = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await DepositWebhook.SendAsync(client, zoqq.Tenant,
            DepositWebhook.Event("settled", reference, account.GetProperty("account_number").GetString()!, "12.00"));
        Assert.True(status == 202, body.ToString());
        var events = await DepositWebhook.WaitProcessedAsync(client, zoqq.Tenant, reference);
        Assert.Equal("APPLIED", events[0].GetProperty("status").GetString());

        // An unknown account: accepted by the webhook, rejected when processed.
        var unknown = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(202, (await DepositWebhook.SendAsync(client, zoqq.Tenant, DepositWebhook.Event("settled", unknown, "999999999999", "1.00"))).Status);
        Assert.Equal("REJECTED", (await DepositWebhook.WaitProcessedAsync(client, zoqq.Tenant, unknown))[0].GetProperty("status").GetString());

        var after = Collect();
        Assert.True(after.Sum("accounts.deposits.accepted") >= before.Sum("accounts.deposits.accepted") + 2);
        Assert.True(after.Sum("accounts.deposits.applied") >= before.Sum("accounts.deposits.applied") + 1);
        Assert.True(after.Sum("accounts.deposits.rejected") >= before.Sum("accounts.deposits.rejected") + 1);
        Assert.True(after.Count("accounts.deposits.webhook_to_applied") >= before.Count("accounts.deposits.webhook_to_applied") + 1);
        Assert.True(after.Count("accounts.deposits.queue_lag") >= before.Count("accounts.deposits.queue_lag") + 2);
        Assert.Contains("accounts.deposits.outbox_backlog", after.Names);
        Assert.Contains("event", after.Tags("accounts.deposits.applied"));
    }

    private Totals Collect()
    {
        _exported.Clear();
        Assert.True(_app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        return new Totals([.. _exported]);
    }

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private sealed record Totals(IReadOnlyList<MetricSnapshot> Metrics)
    {
        public IEnumerable<string> Names => Metrics.Select(m => m.Name);

        public long Sum(string name) => Points(name).Sum(p => p.GetSumLong());

        public long Count(string name) => Points(name).Sum(p => p.GetHistogramCount());

        public IEnumerable<string> Tags(string name) => Points(name).SelectMany(p => Keys(p.Tags));

        private IEnumerable<MetricPoint> Points(string name) => Metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

        private static IEnumerable<string> Keys(ReadOnlyTagCollection tags)
        {
            var keys = new List<string>();
            foreach (var tag in tags)
            {
                keys.Add(tag.Key);
            }

            return keys;
        }
    }

    /// <summary>The real app over its own Azurite, with an in-memory metric exporter.</summary>
    private sealed class MetricsApp(List<MetricSnapshot> exported) : AppFixture(underFunctionsHost: false,
        configure: b => b.ConfigureTestServices(s => s.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(exported))));
}
