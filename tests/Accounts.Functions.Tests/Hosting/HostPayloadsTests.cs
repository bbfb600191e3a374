using System.Text;
using System.Text.Json;
using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Invocation;
using Microsoft.AspNetCore.Http;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// What the handler's invocation reader makes of the host's Service Bus payloads: why ApplyDeposit reads batch arrays
/// (a single message's body properties overwrite metadata keys; batch arrays are never shadowed) and what dates look like.
/// </summary>
public sealed class HostPayloadsTests
{
    private const string Body = """{"tenant_id":"t1","reference":"r1","deliveryCount":99,"MessageId":"forged"}""";

    [Fact]
    public async Task A_single_messages_body_properties_overwrite_the_metadata_and_its_dates_lose_sub_seconds()
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true);

        var invocation = await ReadAsync(HostPayloads.ServiceBusMessage("F", new HostMessage(Body, "evt-1", "acc-1", DeliveryCount: 3)), trigger);

        Assert.Equal(99, invocation.MetadataInt("DeliveryCount")); // the body's, not the broker's 3
        Assert.Equal("forged", invocation.Metadata("MessageId").GetString());
        Assert.Equal("2025-04-09T10:12:37", invocation.Metadata("EnqueuedTimeUtc").GetString()); // .456 and Z are gone
        Assert.Equal(JsonValueKind.Object, invocation.Metadata("Client").ValueKind);
        Assert.Equal(JsonValueKind.Object, invocation.Metadata("MessageActions").ValueKind);
        Assert.Equal("r1", invocation.Data("message").GetProperty("reference").GetString()); // double-encoded body, unwrapped
    }

    [Fact]
    public async Task A_batch_reports_each_messages_own_broker_properties_whatever_the_bodies_say()
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true, batch: true);
        var payload = HostPayloads.ServiceBusBatch("F", [new HostMessage(Body, "evt-1", "acc-1", DeliveryCount: 3),
            new HostMessage("""{"reference":"r2"}""", "evt-2", "acc-1", DeliveryCount: 1, SequenceNumber: 2)]);

        var messages = ServiceBusBatch.Read(await ReadAsync(payload, trigger), "message");

        Assert.Equal([(0, "evt-1", "acc-1", 3), (1, "evt-2", "acc-1", 1)],
            messages.Select(m => (m.Index, m.MessageId, m.SessionId, m.DeliveryCount)));
        Assert.Equal(Body, messages[0].Body); // the body text exactly as sent
    }

    [Fact]
    public async Task A_batch_without_array_metadata_counts_a_first_delivery()
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true, batch: true);

        var messages = ServiceBusBatch.Read(await ReadAsync("""{"Data":{"message":["{\"reference\":\"r\"}"]}}""", trigger), "message");

        Assert.Equal((null, 1), (messages.Single().MessageId, messages.Single().DeliveryCount));
    }

    private static async Task<InvocationRequest> ReadAsync(string payload, FunctionBinding trigger)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(payload));
        return await InvocationRequest.ReadAsync(http.Request, [trigger], CancellationToken.None);
    }
}
