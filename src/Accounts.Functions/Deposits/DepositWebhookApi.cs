using System.Text;
using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The deposit webhook in its two forms, over one <see cref="DepositIntake"/>: the forwarded route (standalone:
/// the accepted event goes on the local queue) and the host's JSON invocation (the event goes to the Service Bus
/// output binding, the answer to the caller in the http output).
/// </summary>
public static class DepositWebhookApi
{
    public const string OutputBinding = "deposit";

    public static async Task<IResult> ReceiveForwarded(HttpRequest request, DepositIntake intake, IDepositSender sender,
        IDepositOutbox outbox, ILogger<DepositIntake> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await RawWebhookBody.ReadAsync(request, ct);
        var result = await intake.ReceiveAsync(Header(request, "x-api-key"), Header(request, "x-timestamp"),
            Header(request, "x-signature"), body, ct);
        if (result is { Message: { } message, Outbox: { } row })
        {
            try
            {
                await sender.SendAsync(result.EventId, message, ct);
                await outbox.RemoveAsync(row, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The event is recorded with its outbox row, so it is accepted: the sweeper queues it after the grace period.
                logger.LogWarning(ex, "Deposit {EventId} is recorded but its queueing failed; the outbox sweeper will queue it",
                    result.EventId);
            }
        }

        return Results.Json(DepositResponses.Accepted(result.EventId), statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ReceiveInvocation(HttpRequest request, DepositIntake intake, StartupGate gate,
        ILogger<DepositIntake> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var req = InvocationRequest.Of(request.HttpContext).HttpTrigger("req");
        var outputs = new Dictionary<string, object?>();
        try
        {
            await gate.WaitAsync(ct);
            var result = await intake.ReceiveAsync(req.Header("x-api-key"), req.Header("x-timestamp"), req.Header("x-signature"),
                Encoding.UTF8.GetBytes(req.Body), ct);
            outputs["res"] = InvocationResponse.HttpOutput(StatusCodes.Status202Accepted, DepositResponses.Accepted(result.EventId));
            if (result.Message is { } message)
            {
                outputs[OutputBinding] = message;
            }
        }
        catch (Exception ex) when (!ApiErrors.IsAbort(request.HttpContext, ex))
        {
            // A refusal, a storage outage (503 + Retry-After) or an unexpected error is a completed invocation whose http
            // output carries the deposit envelope, and nothing is queued. A failed invocation would reach the caller as
            // the host's own bare 500 (the host discards the outputs of a non-2xx answer).
            var error = ApiErrors.Handle(request.HttpContext, ex, logger);
            outputs.Clear();
            outputs["res"] = InvocationResponse.HttpOutput(error.Status, DepositResponses.Error(error.Message, error.Field),
                error.Status == StatusCodes.Status503ServiceUnavailable ? ApiErrors.RetryAfterSeconds : null);
        }

        return new InvocationResponse(outputs, [], null).Completed();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
