using Accounts.Core.Errors;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;
using Accounts.Storage.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The deposit webhook in its two forms, over one <see cref="DepositIntake"/>: the forwarded route (standalone:
/// the accepted event goes on the local queue) and the host's JSON invocation (the event goes to the Service Bus
/// output binding, the answer to the caller in the http output).
/// </summary>
public static class DepositWebhookApi
{
    public const string OutputBinding = "deposit";

    public static async Task<IResult> ReceiveForwarded(HttpRequest request, DepositIntake intake, LocalDepositQueue queue,
        DepositQueueSignal signal)
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadTextAsync(request, ct);
        var result = await intake.ReceiveAsync(Header(request, "x-api-key"), Header(request, "x-timestamp"),
            Header(request, "x-signature"), body, ct);
        if (result.Message is { } message)
        {
            await queue.EnqueueAsync(result.EventId, message, ct);
            signal.Notify();
        }

        return Results.Json(DepositResponses.Accepted(result.EventId), statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ReceiveInvocation(HttpRequest request, DepositIntake intake, StartupGate gate)
    {
        var ct = request.HttpContext.RequestAborted;
        var req = InvocationRequest.Of(request.HttpContext).HttpTrigger("req");
        var outputs = new Dictionary<string, object?>();
        try
        {
            await gate.WaitAsync(ct);
            var result = await intake.ReceiveAsync(req.Header("x-api-key"), req.Header("x-timestamp"), req.Header("x-signature"),
                req.Body, ct);
            outputs["res"] = InvocationResponse.HttpOutput(StatusCodes.Status202Accepted, DepositResponses.Accepted(result.EventId));
            if (result.Message is { } message)
            {
                outputs[OutputBinding] = message;
            }
        }
        catch (DomainException ex)
        {
            // A refused webhook is a completed invocation: the caller gets the 4xx, nothing is queued.
            outputs["res"] = InvocationResponse.HttpOutput(DepositResponses.StatusOf(ex), DepositResponses.Error(ex));
        }

        return new InvocationResponse(outputs, [], null).Completed();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
