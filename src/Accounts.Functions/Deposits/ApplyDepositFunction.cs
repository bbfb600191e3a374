using System.Text.Json;
using Accounts.Core.Errors;
using Accounts.Functions.Hosting.Invocation;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The ApplyDeposit Service Bus trigger under the Functions host: the message body is <c>Data.message</c>, the
/// delivery count <c>Metadata.DeliveryCount</c>. Any failure answers 500, so the host abandons the message and
/// Service Bus redelivers it (dead-lettering it after the queue's MaxDeliveryCount). A body the host could not have sent
/// never gets here: <see cref="InvocationFilter"/> answers it 400.
/// </summary>
public static class ApplyDepositFunction
{
    public const string Name = "ApplyDeposit";
    public const string TriggerBinding = "message";

    public static async Task<IResult> Invoke(HttpRequest request, DepositProcessor processor, IOptions<DepositOptions> options,
        ILogger<DepositProcessor> logger)
    {
        var ct = request.HttpContext.RequestAborted;
        var invocation = InvocationRequest.Of(request.HttpContext);
        var message = invocation.Data(TriggerBinding);
        var deliveryCount = invocation.MetadataInt("DeliveryCount") ?? 1;
        if (message.ValueKind != JsonValueKind.Object)
        {
            // A malformed invocation, not a failed delivery: refused (still a failure to the host) rather than a 500.
            throw DomainException.Invalid($"Data.{TriggerBinding}", $"{TriggerBinding} is not a JSON object but {message.ValueKind}");
        }

        try
        {
            var json = message.GetRawText();
            var outcome = await processor.ProcessAsync(json, deliveryCount, options.Value.MaxDeliveryCount, ct);
            return new InvocationResponse(new Dictionary<string, object?>(), [$"deposit {outcome.Status}: {outcome.Reason}"],
                new { status = outcome.Status.ToString(), reason = outcome.Reason, entry_id = outcome.EntryId }).Completed();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "ApplyDeposit invocation failed on delivery {Delivery}", deliveryCount);
            return new InvocationResponse(new Dictionary<string, object?>(), [ex.Message], null).Failed();
        }
    }
}
