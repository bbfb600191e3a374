using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The RequeueDeposits timer function (under the Functions host; standalone, <see cref="Api.PeriodicSweep"/> does
/// this): sends every overdue event to Service Bus again through the same <see cref="IDepositSender"/> as the webhook
/// (MessageId = event id, so a copy of a message that did arrive is dropped by duplicate detection), and removes each
/// row once its send is confirmed.
/// </summary>
public static class RequeueDepositsFunction
{
    public const string Name = "RequeueDeposits";

    /// <summary>Every 30 seconds (NCRONTAB, seconds first): with the 30 s grace period an event is requeued within a minute.</summary>
    public const string Schedule = "*/30 * * * * *";

    public static Task<IResult> HandleAsync(HttpContext http, DepositOutboxSweeper sweeper, StartupGate gate,
        ILogger<DepositOutboxSweeper> logger) =>
        SweepInvocation.RunAsync(http, gate, logger, Name, sweeper.SweepAsync, "deposit events queued again", "requeued");
}
