using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>One message of a Service Bus batch: its body as text and the metadata the host sent for its position.</summary>
public sealed record ServiceBusBatchMessage(int Index, string Body, string? MessageId, string? SessionId, int DeliveryCount);

/// <summary>
/// Reads the invocation of a <c>serviceBusTrigger</c> with <c>cardinality: many</c> and <c>dataType: string</c> as the
/// Functions host builds it. Checked against the host and the Service Bus extension:
/// <list type="bullet">
/// <item>Azure/azure-functions-host@89dc438d476542786f2fc4070f553423213a6223,
/// src/WebJobs.Script/Binding/GeneralScriptBindingProvider.cs (GetRequestedType: cardinality many makes the trigger
/// parameter an array of the dataType, here string[]), src/WebJobs.Script/Workers/MessageExtensions/
/// ScriptInvocationContextExtensions.cs (GetHttpScriptInvocationContextValue: a value JObject.FromObject refuses, such as
/// an array, goes through JsonConvert.SerializeObject, so <c>Data.message</c> is a JSON string holding an array of JSON
/// strings, each a message body; DateTime values are re-parsed from ToString(); objects such as MessageActions and
/// Client become JSON objects) and src/WebJobs.Script/Workers/Http/DefaultHttpWorkerService.cs
/// (ProcessDefaultInvocationRequest: any non-2xx answer fails the invocation before its body is read).</item>
/// <item>Azure/azure-sdk-for-net, sdk/servicebus/Microsoft.Azure.WebJobs.Extensions.ServiceBus/src/Triggers/
/// ServiceBusTriggerBindingStrategy.cs (AddBindingData for ServiceBusReceivedMessage[]; stored version
/// 2a89b4bcc6055395dfc2c689a5092185d444585e has DeliveryCountArray, MessageIdArray, UserPropertiesArray..., the current
/// one adds ApplicationPropertiesArray, SessionIdArray, SubjectArray, EnqueuedTimeArray...): batch metadata is one
/// array per property, index i describing message i, and no per-message scalar such as DeliveryCount.</item>
/// </list>
/// A body element that is already an object (the docs' unencoded form) is accepted too.
/// </summary>
public static class ServiceBusBatch
{
    public static IReadOnlyList<ServiceBusBatchMessage> Read(InvocationRequest invocation, string binding)
    {
        var bodies = invocation.Data(binding);
        var messageIds = invocation.Metadata("MessageIdArray");
        var sessionIds = invocation.Metadata("SessionIdArray");
        var deliveryCounts = invocation.Metadata("DeliveryCountArray");
        var messages = new List<ServiceBusBatchMessage>();
        var index = 0;
        foreach (var body in bodies.EnumerateArray())
        {
            messages.Add(new ServiceBusBatchMessage(index, BodyText(body), Text(messageIds, index), Text(sessionIds, index),
                DeliveryCount(deliveryCounts, index)));
            index++;
        }

        return messages;
    }

    // A string is the body as sent (our JSON text); anything else is the docs' unencoded form, kept as its JSON text.
    private static string BodyText(JsonElement body) =>
        body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();

    private static JsonElement At(JsonElement array, int index) =>
        array.ValueKind == JsonValueKind.Array && index < array.GetArrayLength() ? array[index] : default;

    private static string? Text(JsonElement array, int index) =>
        At(array, index) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>At least 1: a missing count is read as a first delivery, so a failure is retried rather than dead-lettered.</summary>
    private static int DeliveryCount(JsonElement array, int index) =>
        At(array, index) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var count) && count > 0 ? count : 1;
}
