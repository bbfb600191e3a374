using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Accounts.Storage.Queues;

/// <summary>
/// The body of a deposit queue message: one event's message as it is (the format every message had before batches, so
/// messages queued by an earlier version, and groups of one, read the same), or several as
/// <c>{"events":[{...},{...}]}</c>, each event's JSON embedded verbatim so it reads back character for character (and
/// an operator peeking at the poison queue sees plain JSON). The storage queue has no batch send, so under load this
/// is what makes one send, receive and delete serve many events.
/// </summary>
public static class DepositQueueBatch
{
    /// <summary>The most events one message carries: what one receive brings per message when the sender is busy.</summary>
    public const int MaxEvents = 32;

    /// <summary>
    /// The most UTF-8 bytes of a batch body: 32 KiB, about 43.7 KB once base64-encoded, well inside the queue's 64 KiB
    /// limit per message. An event message is at most about 7 KB (four 256-character text fields escaped at six bytes
    /// a character, plus the fixed fields); this byte limit, not the count, is what keeps a message within the queue's,
    /// and one event bigger than it travels alone.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    private const string EventsProperty = "events";

    // {"events":[ ... ]}
    private static readonly int Envelope = Encoding.UTF8.GetByteCount($"{{\"{EventsProperty}\":[]}}");

    /// <summary>One event's message as it is; several in the batch envelope, in the order given.</summary>
    public static string Write(IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        if (events.Count == 1)
        {
            return events[0];
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(EventsProperty);
            foreach (var message in events)
            {
                writer.WriteRawValue(message);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The event messages a body carries, in order: the envelope's events, or else the body itself (a single event, or
    /// something that is not one, which then fails to process like any unreadable message and ends in the poison queue).
    /// </summary>
    public static IReadOnlyList<string> Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Count() == 1
                && root.TryGetProperty(EventsProperty, out var events)
                && events.ValueKind == JsonValueKind.Array
                && events.GetArrayLength() > 0)
            {
                return events.EnumerateArray().Select(e => e.GetRawText()).ToList();
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: handed on as one message, whose processing reports it.
        }

        return [body];
    }

    /// <summary>
    /// A rule for filling one message, asked in order of arrival: an event joins while the message stays within
    /// <see cref="MaxBodyBytes"/>. The first event is always taken (it goes alone if it is too big, or is not a JSON
    /// object that can be embedded); the first later event that does not fit, or is not a JSON object, closes the
    /// message, so it and every event after it wait for the next one: events are queued in the order they arrived.
    /// </summary>
    public static Func<string, bool> NewFillRule()
    {
        var bytes = Envelope;
        var count = 0;
        var closed = false;
        return message =>
        {
            var size = EmbeddableSize(message);
            if (count == 0)
            {
                count = 1;
                closed = size < 0 || bytes + size > MaxBodyBytes;
                bytes += Math.Max(size, 0);
                return !closed;
            }

            if (closed || size < 0 || bytes + 1 + size > MaxBodyBytes)
            {
                closed = true;
                return false;
            }

            count++;
            bytes += 1 + size; // the comma before it
            return true;
        };
    }

    /// <summary>UTF-8 bytes of a message that is one JSON object (so it can sit in the envelope as is); -1 otherwise.</summary>
    private static int EmbeddableSize(string message)
    {
        var utf8 = Encoding.UTF8.GetBytes(message);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return -1;
            }

            reader.Skip();
            return reader.Read() ? -1 : utf8.Length;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
