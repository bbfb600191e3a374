using System.Net;
using Accounts.Functions.Telemetry;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Accounts.Functions.Tests.Telemetry;

/// <summary>
/// Telemetry leaves the process only where configured: an OTLP collector, or Azure Monitor's ingestion endpoint; with
/// neither, no spans are made at all.
/// </summary>
public sealed class ExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Otlp_endpoint_receives_traces_and_metrics()
    {
        await using var collector = new CollectorStub();
        var paths = await RunAsync(collector, b => b
            .UseSetting(TelemetryRegistration.OtlpEndpointKey, collector.Url)
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/metrics", paths);
    }

    [Fact]
    public async Task Azure_Monitor_connection_string_sends_to_its_ingestion_endpoint()
    {
        await using var collector = new CollectorStub();
        var paths = await RunAsync(collector, b => b.UseSetting(TelemetryRegistration.AzureMonitorKey,
            $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={collector.Url}/"));
        Assert.Contains(paths, p => p.EndsWith("/track", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_exporter_no_spans_are_made()
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, app.TablePrefix, _ => { });
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }

        // No tracer provider, so requests and storage calls make no activities; the metrics provider stays for the meter.
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }

    private async Task<List<string>> RunAsync(CollectorStub collector, Action<IWebHostBuilder> configure)
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, app.TablePrefix, configure);
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }

        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        return [.. collector.Paths];
    }
}
