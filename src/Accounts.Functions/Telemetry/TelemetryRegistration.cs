using Accounts.Core.Telemetry;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Accounts.Functions.Telemetry;

/// <summary>
/// OpenTelemetry traces (requests, outgoing HTTP, Azure SDK storage and Service Bus calls), logs and metrics (ASP.NET
/// Core, HttpClient and the "Accounts" meter, <see cref="AccountsMetrics"/>). Exported to Azure Monitor when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set, over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (both may be), and
/// nowhere otherwise (then no spans are made at all). The OTLP exporter reads the other OTEL_* settings (protocol,
/// headers) itself.
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "accounts";
    public const string AzureMonitorKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddAccountsTelemetry(this WebApplicationBuilder builder)
    {
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorKey]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(AccountsMetrics.MeterName))
            .WithLogging();

        // Spans are made only when something exports them: a tracer provider with no exporter still builds and tags an
        // activity for every request and every storage call, which costs CPU on each of them for nothing (measured
        // by the benchmark, README "Benchmarks"). Metrics cost nothing until a reader collects them.
        if (azureMonitor || otlp)
        {
            // The Azure SDKs emit their spans through ActivitySource ("Azure.*") only with this switch on.
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            telemetry.WithTracing(tracing => tracing.AddSource("Azure.*"));
        }

        if (azureMonitor)
        {
            // The distro brings its own ASP.NET Core and HttpClient instrumentation; adding ours too would double them.
            telemetry.UseAzureMonitor(options => options.ConnectionString = builder.Configuration[AzureMonitorKey]);
        }
        else
        {
            telemetry.WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
            if (otlp)
            {
                telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
            }
        }

        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }

        return builder;
    }
}
