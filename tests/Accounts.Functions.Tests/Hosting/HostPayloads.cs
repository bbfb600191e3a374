using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// Invocation requests built the way the Functions host builds them (written from reading Azure/azure-functions-host
/// ScriptInvocationContextExtensions.ToHttpScriptInvocationContext / GetHttpScriptInvocationContextValue, HttpRequestExtensions
/// .GetRequestAsJObject and the Service Bus extension's ServiceBusTriggerBindingStrategy.AddBindingData; see
/// CUSTOM-HANDLER.md), not the way the docs' examples show them:
/// <list type="bullet">
/// <item>a string, number or array value is JSON-serialized again: it arrives as a JSON string holding JSON text;</item>
/// <item>an object value (ApplicationProperties, MessageActions, Client, sys) arrives as a JSON object;</item>
/// <item>a DateTime goes through DateTime.Parse(value.ToString()): seconds precision, no offset; a DateTimeOffset keeps
/// its offset but also loses the fraction;</item>
/// <item>for a single message with a JSON object body, every top-level body property is added to the metadata and
/// overwrites a metadata key of the same name;</item>
/// <item>an HTTP request's Body is absent when the request had no Content-Length.</item>
/// </list>
/// </summary>
internal static class HostPayloads
{
    private static readonly JsonSerializerOptions Newtonsoftish = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A timer trigger: <c>Data.{binding}</c> is the TimerInfo object; the metadata has only <c>sys</c>.</summary>
    public static string Timer(string function, string binding = "timer", bool isPastDue = false)
    {
        var now = new DateTimeOffset(2025, 9, 26, 10, 54, 0, TimeSpan.Zero);
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new JsonObject
            {
                ["Last"] = Iso(now.AddMinutes(-1)),
                ["Next"] = Iso(now),
                ["LastUpdated"] = Iso(now.AddMinutes(-1)),
            },
            ["IsPastDue"] = isPastDue,
        };
        return Envelope(new JsonObject { [binding] = timer }, new JsonObject { ["sys"] = Sys(function) });
    }

    /// <summary>
    /// A <c>cardinality: many</c>, <c>dataType: string</c> Service Bus trigger: <c>Data.{binding}</c> is the string[] of
    /// bodies serialized again (one JSON string holding an array of strings), and the metadata one array per property.
    /// </summary>
    public static string ServiceBusBatch(string function, IReadOnlyList<HostMessage> messages, string binding = "message")
    {
        var metadata = new JsonObject
        {
            ["DeliveryCountArray"] = Reserialized(messages.Select(m => m.DeliveryCount)),
            ["DeadLetterSourceArray"] = Reserialized(messages.Select(_ => (string?)null)),
            ["LockTokenArray"] = Reserialized(messages.Select(m => Guid.NewGuid().ToString())),
            ["ExpiresAtUtcArray"] = Reserialized(messages.Select(_ => DateTime.MaxValue.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))),
            ["EnqueuedTimeUtcArray"] = Reserialized(messages.Select(m => m.EnqueuedTime.DateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))),
            ["EnqueuedTimeArray"] = Reserialized(messages.Select(m => m.EnqueuedTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture))),
            ["MessageIdArray"] = Reserialized(messages.Select(m => m.MessageId)),
            ["ContentTypeArray"] = Reserialized(messages.Select(m => m.ContentType)),
            ["SequenceNumberArray"] = Reserialized(messages.Select(m => m.SequenceNumber)),
            ["SubjectArray"] = Reserialized(messages.Select(_ => (string?)null)),
            ["LabelArray"] = Reserialized(messages.Select(_ => (string?)null)),
            ["CorrelationIdArray"] = Reserialized(messages.Select(_ => (string?)null)),
            ["ApplicationPropertiesArray"] = Reserialized(messages.Select(m => m.ApplicationProperties ?? new Dictionary<string, object>())),
            ["UserPropertiesArray"] = Reserialized(messages.Select(m => m.ApplicationProperties ?? new Dictionary<string, object>())),
            ["SessionIdArray"] = Reserialized(messages.Select(m => m.SessionId)),
            ["MessageReceiver"] = new JsonObject(),
            ["MessageSession"] = new JsonObject(),
            ["MessageActions"] = new JsonObject(),
            ["SessionActions"] = new JsonObject(),
            ["ReceiveActions"] = new JsonObject(),
            ["Client"] = Client(),
            ["sys"] = Sys(function),
        };
        return Envelope(new JsonObject { [binding] = Reserialized(messages.Select(m => m.Body)) }, metadata);
    }

    /// <summary>A single-message Service Bus trigger, with the body's top-level properties shadowing metadata keys.</summary>
    public static string ServiceBusMessage(string function, HostMessage message, string binding = "message")
    {
        var metadata = new JsonObject(new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DeliveryCount"] = Reserialized(message.DeliveryCount),
            ["LockToken"] = Reserialized(Guid.NewGuid().ToString()),
            ["ExpiresAtUtc"] = HostDate(DateTime.MaxValue),
            ["EnqueuedTimeUtc"] = HostDate(message.EnqueuedTime.DateTime),
            ["EnqueuedTime"] = HostDate(message.EnqueuedTime),
            ["MessageId"] = Reserialized(message.MessageId),
            ["ContentType"] = Reserialized(message.ContentType),
            ["SequenceNumber"] = Reserialized(message.SequenceNumber),
            ["ApplicationProperties"] = JsonSerializer.SerializeToNode(message.ApplicationProperties ?? new Dictionary<string, object>()),
            ["UserProperties"] = JsonSerializer.SerializeToNode(message.ApplicationProperties ?? new Dictionary<string, object>()),
            ["SessionId"] = Reserialized(message.SessionId),
            ["MessageActions"] = new JsonObject(),
            ["SessionActions"] = new JsonObject(),
            ["Client"] = Client(),
            ["sys"] = Sys(function),
        });
        if (JsonNode.Parse(message.Body) is JsonObject body)
        {
            foreach (var (name, value) in body)
            {
                var existing = metadata.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
                metadata[existing ?? name] = value is JsonObject ? value.DeepClone() : Reserialized(value);
            }
        }

        return Envelope(new JsonObject { [binding] = Reserialized(message.Body) }, metadata);
    }

    /// <summary>An HTTP trigger in the JSON protocol: headers as arrays; <c>Body</c> left out when <paramref name="body"/> is null.</summary>
    public static string HttpRequest(string function, string method, string url, IReadOnlyDictionary<string, string> headers,
        string? body, string binding = "req")
    {
        var request = new JsonObject
        {
            ["Url"] = url,
            ["Method"] = method.ToUpperInvariant(),
            ["Query"] = new JsonObject(),
            ["Headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray(h.Value)))),
            ["Params"] = new JsonObject(),
            ["Identities"] = new JsonArray(),
        };
        if (body is not null)
        {
            request["Body"] = body;
        }

        var metadata = new JsonObject
        {
            ["Query"] = new JsonObject(),
            ["Headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["sys"] = Sys(function),
        };
        return Envelope(new JsonObject { [binding] = request }, metadata);
    }

    /// <summary>JsonConvert.SerializeObject of a value JObject.FromObject refuses: a JSON string holding its JSON text.</summary>
    private static JsonNode Reserialized<T>(T value) => JsonValue.Create(JsonSerializer.Serialize(value, Newtonsoftish))!;

    /// <summary>DateTime.Parse(value.ToString()) then Newtonsoft: whole seconds, unspecified kind (no Z).</summary>
    private static JsonNode HostDate(DateTime value) =>
        JsonValue.Create(DateTime.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture))!;

    private static JsonNode HostDate(DateTimeOffset value) =>
        JsonValue.Create(DateTimeOffset.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))!;

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject Sys(string function) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    /// <summary>JObject.FromObject(ServiceBusClient): its public properties.</summary>
    private static JsonObject Client() => new()
    {
        ["FullyQualifiedNamespace"] = "accounts.servicebus.windows.net",
        ["IsClosed"] = false,
        ["TransportType"] = 0,
        ["Identifier"] = "accounts-" + Guid.NewGuid(),
    };

    private static string Envelope(JsonObject data, JsonObject metadata) =>
        new JsonObject { ["Data"] = data, ["Metadata"] = metadata }.ToJsonString();
}
