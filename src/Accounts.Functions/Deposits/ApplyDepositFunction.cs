using Accounts.Core.Deposits;
using Accounts.Functions.Hosting.Invocation;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The ApplyDeposit Service Bus trigger under the Functions host: a session-enabled queue (one account's events, in order)
/// received in batches (<see cref="ServiceBusBatch"/> reads the host's payload). Messages of one reference are applied in
/// queue order, different references concurrently, so the account's waiting events reach its book together and
/// <see cref="Core.Ledger.LedgerService"/> commits them as one group commit.
/// <para>
/// Each message is applied and recorded on its own: one that fails does not stop the others. But the host can only
/// settle the whole batch: a non-2xx answer abandons every message of it. So a batch with any failure answers 500 and
/// is redelivered whole; the messages already applied are then replayed with no second effect (the ledger finds the
/// event's entry by reference, and the record is rewritten with the same outcome), while the failed ones are tried
/// again, each with its own delivery count: the one that reaches <see cref="DepositOptions.MaxDeliveryCount"/> is
/// recorded DEAD_LETTERED, and Service Bus dead-letters it. Answering 200 instead would complete (delete) the failed
/// messages, and a fresh send could not replace them: duplicate detection drops a second message with the same id.
/// </para>
/// </summary>
public static class ApplyDepositFunction
{
    public const string Name = "ApplyDeposit";
    public const string TriggerBinding = "message";

    public static async Task<IResult> Invoke(HttpRequest request, DepositProcessor processor, IOptions<DepositOptions> options,
        ILogger<DepositProcessor> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var messages = ServiceBusBatch.Read(InvocationRequest.Of(request.HttpContext), TriggerBinding);
        var results = new BatchResult[messages.Count];
        await Task.WhenAll(messages.GroupBy(m => SequenceOf(processor, m)).Select(async group =>
        {
            foreach (var message in group)
            {
                results[message.Index] = await ApplyAsync(message, processor, options.Value.MaxDeliveryCount, logger, ct);
            }
        }));

        var logs = results.Select(r => $"deposit {r.MessageId}: {r.Status}{(r.Reason is null ? "" : " (" + r.Reason + ")")}").ToList();
        var returned = results.Select(r => new { message_id = r.MessageId, status = r.Status, reason = r.Reason, entry_id = r.EntryId }).ToList();
        return results.Any(r => r.Status == Failed)
            ? new InvocationResponse(new Dictionary<string, object?>(), logs, null).Failed()
            : new InvocationResponse(new Dictionary<string, object?>(), logs, returned).Completed();
    }

    private const string Failed = "Failed";

    private static async Task<BatchResult> ApplyAsync(ServiceBusBatchMessage message, DepositProcessor processor, int maxDeliveries,
        ILogger logger, CancellationToken ct)
    {
        try
        {
            var outcome = await processor.ProcessAsync(message.Body, message.DeliveryCount, maxDeliveries, ct);
            return new BatchResult(message.MessageId, outcome.Status.ToString(), outcome.Reason, outcome.EntryId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The processor recorded the failure on the event's record when it could read the message.
            logger.LogError(ex, "ApplyDeposit: message {MessageId} failed on delivery {Delivery}", message.MessageId, message.DeliveryCount);
            return new BatchResult(message.MessageId, Failed, ex.Message, null);
        }
    }

    // Unreadable: grouped alone by its position; applying it fails and is reported, the batch goes on.
    private static (string?, string?) SequenceOf(DepositProcessor processor, ServiceBusBatchMessage message) =>
        processor.SequenceOf(message.Body) is { } sequence ? sequence : (null, "#" + message.Index);

    private sealed record BatchResult(string? MessageId, string Status, string? Reason, string? EntryId);
}
