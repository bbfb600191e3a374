using Accounts.Functions.Api;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// A sweep timer function's one run under the Functions host (RequeueDeposits, SweepNotifications): once storage is
/// ready, sweep and answer with the count. Timers are not retried and the host discards a failed invocation's logs, so
/// a failure is logged here and answered as failed; the rows it did not reach stay due for the next run.
/// </summary>
internal static class SweepInvocation
{
    /// <param name="counted">What the count counts, for the log line ("deposit events queued again").</param>
    /// <param name="returned">The return value's one property, holding the count.</param>
    public static async Task<IResult> RunAsync(HttpContext http, StartupGate gate, ILogger logger, string function,
        Func<CancellationToken, Task<int>> sweep, string counted, string returned)
    {
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            var count = await sweep(http.RequestAborted);
            return new InvocationResponse(new Dictionary<string, object?>(), [$"{function}: {count} {counted}"],
                new Dictionary<string, int> { [returned] = count }).Completed();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Function}: the sweep stopped; the remaining rows stay due for the next run", function);
            return new InvocationResponse(new Dictionary<string, object?>(), [ex.Message], null).Failed();
        }
    }
}
