using System.Text.Json.Nodes;

namespace Accounts.Functions.Hosting;

/// <summary>
/// One entry of a function.json <c>bindings</c> array. Properties keep their insertion order so the
/// generated files are stable and match the shapes documented in CUSTOM-HANDLER.md byte for byte.
/// </summary>
public sealed class FunctionBinding
{
    private readonly IReadOnlyList<KeyValuePair<string, JsonNode?>> _settings;

    private FunctionBinding(string type, string direction, string name, params KeyValuePair<string, JsonNode?>[] settings)
    {
        Type = type;
        Direction = direction;
        Name = name;
        _settings = settings;
    }

    public string Type { get; }

    /// <summary><c>in</c> for triggers, <c>out</c> for outputs.</summary>
    public string Direction { get; }

    /// <summary>Key of this binding in the invocation's <c>Data</c> or the response's <c>Outputs</c>.</summary>
    public string Name { get; }

    public bool IsTrigger => Direction == "in";

    /// <summary>The trigger of every HTTP function; the host owns routing, the handler owns authentication.</summary>
    public static FunctionBinding HttpTrigger(string route, IEnumerable<string> methods) =>
        new("httpTrigger", "in", "req",
            Setting("authLevel", "anonymous"),
            Setting("methods", new JsonArray(methods.Select(m => (JsonNode?)m.ToLowerInvariant()).ToArray())),
            Setting("route", route));

    public static FunctionBinding HttpOutput() => new("http", "out", "res");

    /// <param name="schedule">Six NCRONTAB fields (second minute hour day month day-of-week, UTC) or <c>%Setting%</c>.</param>
    public static FunctionBinding TimerTrigger(string name, string schedule)
    {
        if (!schedule.StartsWith('%') && schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            throw new ArgumentException($"Timer schedule '{schedule}' must have six NCRONTAB fields (seconds first).", nameof(schedule));
        }

        return new("timerTrigger", "in", name, Setting("schedule", schedule));
    }

    /// <param name="connection">Name of the app setting holding the Service Bus connection, not the connection itself.</param>
    /// <param name="batch">
    /// <c>cardinality: many</c> with <c>dataType: string</c>: the host invokes with an array of message bodies (as text)
    /// and array metadata (<c>DeliveryCountArray</c>, <c>MessageIdArray</c>...); see <see cref="Invocation.ServiceBusBatch"/>.
    /// </param>
    public static FunctionBinding ServiceBusTrigger(string name, string queueName, string connection, bool isSessionsEnabled,
        bool batch = false) =>
        batch
            ? new("serviceBusTrigger", "in", name,
                Setting("queueName", queueName),
                Setting("connection", connection),
                Setting("isSessionsEnabled", isSessionsEnabled),
                Setting("cardinality", "many"),
                Setting("dataType", "string"))
            : new("serviceBusTrigger", "in", name,
                Setting("queueName", queueName),
                Setting("connection", connection),
                Setting("isSessionsEnabled", isSessionsEnabled));

    /// <summary>A trigger that delivers several messages per invocation (<c>cardinality: many</c>).</summary>
    public bool IsBatch => _settings.Any(s => s.Key == "cardinality" && s.Value?.GetValue<string>() == "many");

    public static FunctionBinding ServiceBusOutput(string name, string queueName, string connection) =>
        new("serviceBus", "out", name,
            Setting("queueName", queueName),
            Setting("connection", connection));

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = Type,
            ["direction"] = Direction,
            ["name"] = Name,
        };
        foreach (var (key, value) in _settings)
        {
            // Deep-clone: a JsonNode can have one parent, and a binding may be serialized many times.
            json[key] = value?.DeepClone();
        }

        return json;
    }

    private static KeyValuePair<string, JsonNode?> Setting(string key, JsonNode? value) => new(key, value);
}
