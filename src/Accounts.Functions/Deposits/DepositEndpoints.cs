using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Deposits;

/// <summary>The deposit pipeline's endpoints and functions.</summary>
public static class DepositEndpoints
{
    public const string Queue = "deposits";
    public const string Connection = "ServiceBusConnection";

    public static WebApplication MapDepositEndpoints(this WebApplication app)
    {
        var webhooks = app.MapGroup("/webhooks").AddEndpointFilter<DepositErrorFilter>().AddEndpointFilter<StartupGateFilter>();

        // One route in both modes: under the host a plain forwarded HTTP function (no output binding, so no JSON-invocation
        // mode); the handler itself sends the accepted event to Service Bus (ServiceBusDepositSender).
        webhooks.MapPost("/deposits", DepositWebhookApi.Receive).AsFunction("ReceiveDeposit");
        webhooks.MapGet("/deposits/{reference}", DepositOperatorApi.GetByReference).AsFunction("GetDepositEvents");
        webhooks.MapGet("/dead-letters/deposits", DepositOperatorApi.ListDeadLettered).AsFunction("ListDeadLetteredDeposits");

        // Session-enabled (SessionId = account number) and batched, so each account's waiting events commit together.
        app.MapFunction(ApplyDepositFunction.Name,
                FunctionBinding.ServiceBusTrigger(ApplyDepositFunction.TriggerBinding, Queue, Connection, isSessionsEnabled: true, batch: true),
                ApplyDepositFunction.Invoke)
            .AddEndpointFilter<StartupGateFilter>();
        app.MapFunction(RequeueDepositsFunction.Name, FunctionBinding.TimerTrigger("timer", RequeueDepositsFunction.Schedule),
            RequeueDepositsFunction.HandleAsync);
        return app;
    }
}
