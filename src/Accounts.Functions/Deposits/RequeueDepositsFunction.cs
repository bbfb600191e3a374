using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The RequeueDeposits timer function (under the Functions host; standalone, <see cref="DepositOutboxService"/> does
/// this). It cannot send to Service Bus itself, so it returns the overdue events as its Service Bus output binding
/// <c>deposit</c> (an array: one message each); the host sends them after the invocation. Their outbox rows stay,
/// postponed, until ApplyDeposit processes the events, so a send the host loses is retried by a later run.
/// </summary>
public static class RequeueDepositsFunction
{
    public const string Name = "RequeueDeposits";

    /// <summary>Every 30 seconds (NCRONTAB, seconds first): with the 30 s grace period an event is requeued within a minute.</summary>
    public const string Schedule = "*/30 * * * * *";

    public static async Task<IResult> HandleAsync(HttpContext http, DepositOutboxSweeper sweeper, StartupGate gate)
    {
        // A non-2xx answer fails the invocation and the host sends nothing; the rows stay due for the next run.
        await gate.WaitAsync(http.RequestAborted);
        var binding = new OutputBindingSender();
        var requeued = await sweeper.SweepAsync(binding, http.RequestAborted);
        var outputs = new Dictionary<string, object?>();
        if (binding.Messages.Count > 0)
        {
            outputs[DepositWebhookApi.OutputBinding] = binding.Messages;
        }

        return new InvocationResponse(outputs, [$"{Name}: {requeued} deposit events queued again"], null).Completed();
    }
}
