using Accounts.Core.Deposits;
using Accounts.Functions.Api;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The deposit webhook, one route in both modes: the event is stored (with its outbox row) by <see cref="DepositIntake"/>,
/// then queued through <see cref="IDepositSender"/> (standalone the local queue, under the Functions host Service Bus).
/// Once stored the event is accepted: a failed send is logged and left to the outbox sweeper, and the caller gets 202.
/// </summary>
public static class DepositWebhookApi
{
    public static async Task<IResult> Receive(HttpRequest request, DepositIntake intake, IDepositSender sender,
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

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
