using System.Text;
using Accounts.Core.Deposits;
using Accounts.Core.Money;
using Accounts.Functions.Deposits;
using Accounts.Storage.Queues;
using Xunit.Abstractions;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The deposit queue's message body: several events' messages in one envelope read back character for character, a
/// lone event (and any message queued before batches) is its own message, and a message never outgrows the queue's
/// 64 KiB limit, measured on the largest event the webhook accepts.
/// </summary>
public sealed class DepositQueueBatchTests(ITestOutputHelper output)
{
    private const int QueueMessageLimit = 64 * 1024;

    private static readonly DepositMessageFormat Format = new();

    [Fact]
    public void Several_events_read_back_exactly_as_written_and_in_order()
    {
        var events = new[]
        {
            Message("r-1", "Überweisung für Zoë – 東京 💸 \"x\" <b>&amp; 'ok' \\ end"),
            Message("r-2", null),
            Message("r-3", "plain"),
        };

        var body = DepositQueueBatch.Write(events);

        Assert.StartsWith("{\"events\":[{", body, StringComparison.Ordinal);
        Assert.Equal(events, DepositQueueBatch.Read(body));
    }

    [Fact]
    public void A_lone_event_is_its_own_message_and_a_message_queued_before_batches_reads_as_one_event()
    {
        var message = Message("old-1", "queued by the previous version");

        Assert.Equal(message, DepositQueueBatch.Write([message]));
        Assert.Equal([message], DepositQueueBatch.Read(message));
        Assert.Equal("old-1", Format.Read(Assert.Single(DepositQueueBatch.Read(message))).Reference);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"events\":[]}")]
    [InlineData("{\"events\":[{\"a\":1}],\"other\":2}")]
    [InlineData("[1,2]")]
    public void A_body_that_is_no_batch_is_handed_on_whole_so_its_processing_fails_and_reports_it(string body)
    {
        Assert.Equal([body], DepositQueueBatch.Read(body));
    }

    [Fact]
    public void The_largest_event_the_webhook_accepts_is_a_few_kilobytes_and_a_message_filled_with_them_stays_inside_the_queue_limit()
    {
        // The webhook's text limits (narration and sender fields 256 characters, reference 128, printable ASCII); each
        // candidate character is tried, and the one whose JSON escaping costs most is kept.
        var candidates = new[] { "a", "\"", "\\", "<", "é", "東", "💸", "\u200b", "\u2028", "\ufeff" };
        var largest = candidates
            .Select(c => Message(new string('"', 128), Repeat(c, 256), Repeat(c, 256)))
            .MaxBy(m => Encoding.UTF8.GetByteCount(m))!;
        var size = Encoding.UTF8.GetByteCount(largest);

        var fits = DepositQueueBatch.NewFillRule();
        var admitted = Enumerable.Repeat(largest, DepositQueueBatch.MaxEvents).TakeWhile(fits).ToList();
        var body = DepositQueueBatch.Write(admitted);
        output.WriteLine($"largest event {size} bytes; {admitted.Count} of them in one message of {Base64Length(body)} base64 characters");

        Assert.InRange(size, 1, 7 * 1024);
        Assert.InRange(admitted.Count, 2, DepositQueueBatch.MaxEvents - 1); // batched, and cut short by size, not count
        Assert.InRange(Base64Length(body), 1, QueueMessageLimit * 3 / 4); // well inside the limit
        Assert.Equal(admitted, DepositQueueBatch.Read(body));
    }

    [Fact]
    public void Typical_events_fill_a_message_up_to_the_count_limit()
    {
        var fits = DepositQueueBatch.NewFillRule();
        var events = Enumerable.Range(1, DepositQueueBatch.MaxEvents).Select(i => Message($"dep-{i}", $"settled dep-{i}")).ToList();

        Assert.All(events, e => Assert.True(fits(e)));
        Assert.InRange(Base64Length(DepositQueueBatch.Write(events)), 1, QueueMessageLimit / 2);
    }

    [Fact]
    public void An_event_too_big_for_a_batch_or_not_a_json_object_travels_alone_and_nothing_after_it_overtakes_it()
    {
        var huge = Message("huge", new string('x', DepositQueueBatch.MaxBodyBytes));
        var normal = Message("normal", "n");

        var afterHuge = DepositQueueBatch.NewFillRule();
        var afterForeign = DepositQueueBatch.NewFillRule();
        var foreignLater = DepositQueueBatch.NewFillRule();

        Assert.False(afterHuge(huge));
        Assert.False(afterHuge(normal));
        Assert.False(afterForeign("not json"));
        Assert.False(afterForeign(normal));
        Assert.True(foreignLater(normal));
        Assert.False(foreignLater("[\"an array\"]"));
        Assert.False(foreignLater(normal)); // it waits behind the refused one: events are queued in the order they arrived
    }

    private static string Message(string reference, string? narration, string? senderText = null)
    {
        var text = senderText ?? "Jane Payer";
        return Format.Write(new DepositEvent("tenant-1", DepositEventType.Settled, reference, "1234567890",
            Money.Parse("10000000000000.00", Currency.Parse("SGD", "currency"), "amount"), new DepositSender(text, text, text), narration,
            DateTimeOffset.Parse("2025-04-09T10:12:37Z"), DateTimeOffset.Parse("2025-04-09T10:12:38.1234567Z")));
    }

    private static string Repeat(string text, int characters) =>
        string.Concat(Enumerable.Repeat(text, characters / text.Length));

    private static int Base64Length(string body) => (Encoding.UTF8.GetByteCount(body) + 2) / 3 * 4;
}
