using Accounts.Core.Notifications;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Under the Functions host: DeliverNotification (Service Bus trigger on the "notifications" queue, batched) attempts
/// each delivery; SweepNotifications (timer) is the sweeper. A delivery's own failures (the endpoint's answer) are
/// scheduled by the processor and answered 200; only a failure to handle a message (storage) answers 500, so the batch
/// is delivered again, which repeats no completed attempt (a delivery that is done or not yet due is skipped).
/// </summary>
public static class NotificationFunctions
{
    public const string DeliverName = "DeliverNotification";
    public const string SweepName = "SweepNotifications";
    public const string TriggerBinding = "message";

    /// <summary>Every 30 seconds (NCRONTAB, seconds first).</summary>
    public const string SweepSchedule = "*/30 * * * * *";

    public static async Task<IResult> DeliverAsync(HttpRequest request, DeliveryProcessor processor, ILogger<DeliveryProcessor> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var messages = ServiceBusBatch.Read(InvocationRequest.Of(request.HttpContext), TriggerBinding);
        var logs = new List<string>();
        var failed = false;
        foreach (var message in messages)
        {
            DeliveryKey key;
            try
            {
                key = DeliveryMessage.Read(message.Body);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
            {
                logs.Add($"message {message.MessageId}: not a delivery message, dropped ({ex.Message})");
                continue; // redelivering it would never help
            }

            try
            {
                var delivery = await processor.ProcessAsync(key, ct);
                logs.Add($"delivery {key.EventId} to {key.EndpointId}: {delivery?.Status.ToString() ?? "skipped"}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Function}: delivery {EventId} to {EndpointId} failed", DeliverName, key.EventId, key.EndpointId);
                logs.Add($"delivery {key.EventId} to {key.EndpointId}: failed ({ex.Message})");
                failed = true;
            }
        }

        var response = new InvocationResponse(new Dictionary<string, object?>(), logs, null);
        return failed ? response.Failed() : response.Completed();
    }

    public static Task<IResult> SweepAsync(HttpContext http, NotificationSweeper sweeper, StartupGate gate, ILogger<NotificationSweeper> logger) =>
        SweepInvocation.RunAsync(http, gate, logger, SweepName, sweeper.SweepAsync, "due rows handled", "swept");
}
