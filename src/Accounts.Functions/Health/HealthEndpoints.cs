using System.Diagnostics;
using System.Text.Json;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting;
using Accounts.Storage.Queues;
using Accounts.Storage.Tables;

namespace Accounts.Functions.Health;

/// <summary>
/// GET /healthz: whether table storage and the deposit queue answer, each within <see cref="Timeout"/>, checked in
/// parallel. Unlike the host's <c>GET /</c> readiness probe (which must answer at once and never touches storage), this
/// one goes to storage, so it is for operators and load balancers. It is an HTTP function too, reachable under the host;
/// there the queue is Service Bus, whose trigger the host itself watches, so that check is reported as skipped.
/// </summary>
public static class HealthEndpoints
{
    public const string FunctionName = "Health";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).AsFunction(FunctionName);
        return app;
    }

    public static async Task<IResult> CheckAsync(IServiceProvider services, IConfiguration configuration, ILoggerFactory logs,
        CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(HealthEndpoints));
        var tables = RunAsync("tables", async token =>
        {
            var storage = services.GetRequiredService<StorageTables>();
            await foreach (var _ in storage.Service.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return null;
        }, logger, ct);
        var queue = ListenAddress.IsUnderFunctionsHost(configuration)
            ? Task.FromResult(new HealthCheckResult("skipped", 0, "Service Bus: the Functions host's trigger reports it"))
            : RunAsync("queue", async token =>
            {
                // Messages, not events: under load one message carries several events.
                var depth = await services.GetRequiredService<DepositQueue>().CountAsync(token);
                return $"{depth} queue message(s) waiting, each carrying 1 to {DepositQueueBatch.MaxEvents} deposit events";
            }, logger, ct);

        var checks = new Dictionary<string, HealthCheckResult> { ["tables"] = await tables, ["queue"] = await queue };
        var healthy = checks.Values.All(c => c.Status != "failed");
        return Results.Json(new HealthReport(healthy ? "healthy" : "unhealthy", checks), Json,
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<HealthCheckResult> RunAsync(string name, Func<CancellationToken, Task<string?>> check, ILogger logger,
        CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = await check(timeout.Token);
            return new HealthCheckResult("ok", clock.ElapsedMilliseconds, detail);
        }
        catch (Exception ex) when (!requestAborted.IsCancellationRequested)
        {
            // The failure is the answer (503 naming it); the log keeps the exception for the operator.
            logger.LogWarning(ex, "Health check {Check} failed after {Elapsed} ms", name, clock.ElapsedMilliseconds);
            var reason = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.GetType().Name + ": " + FirstLine(ex.Message);
            return new HealthCheckResult("failed", clock.ElapsedMilliseconds, reason);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
