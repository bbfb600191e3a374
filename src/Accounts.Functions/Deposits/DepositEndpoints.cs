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

        // Standalone form; under the host the route belongs to ReceiveDeposit (JSON protocol, Service Bus output).
        webhooks.MapPost("/deposits", DepositWebhookApi.ReceiveForwarded).HandlerOnly();
        webhooks.MapGet("/deposits/{reference}", DepositOperatorApi.GetByReference).AsFunction("GetDepositEvents");
        webhooks.MapGet("/dead-letters/deposits", DepositOperatorApi.ListDeadLettered).AsFunction("ListDeadLetteredDeposits");

        // The startup gate is checked inside: a 503 must reach the caller through the http output.
        app.MapFunction("ReceiveDeposit", FunctionBinding.HttpTrigger("webhooks/deposits", ["post"]), DepositWebhookApi.ReceiveInvocation,
            FunctionBinding.HttpOutput(), FunctionBinding.ServiceBusOutput(DepositWebhookApi.OutputBinding, Queue, Connection));

        // Not session-enabled: the Service Bus output binding of a non-.NET handler cannot set SessionId (see README).
        app.MapFunction(ApplyDepositFunction.Name,
                FunctionBinding.ServiceBusTrigger(ApplyDepositFunction.TriggerBinding, Queue, Connection, isSessionsEnabled: false),
                ApplyDepositFunction.Invoke)
            .AddEndpointFilter<StartupGateFilter>();
        app.MapFunction(RequeueDepositsFunction.Name, FunctionBinding.TimerTrigger("timer", RequeueDepositsFunction.Schedule),
            RequeueDepositsFunction.HandleAsync, FunctionBinding.ServiceBusOutput(DepositWebhookApi.OutputBinding, Queue, Connection));
        return app;
    }
}
