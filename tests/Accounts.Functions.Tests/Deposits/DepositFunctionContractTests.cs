using System.Text.Json;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Hosting;
using Accounts.Functions.Tests.Zoqq;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The deposit pipeline under the Functions host: the webhook (a forwarded HTTP function) sends each accepted event to
/// Service Bus itself, and ApplyDeposit receives session batches exactly as the host posts them (<see cref="HostPayloads"/>),
/// answered as the host reads answers (<see cref="HostAnswer"/>). The messages ApplyDeposit gets are the ones the webhook
/// sent, received through the SDK's model factory.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public class DepositFunctionContractTests(FunctionsHostAppFixture app)
{
    private RecordingServiceBusSender Sender => (RecordingServiceBusSender)app.Services.GetRequiredService<ServiceBusSender>();

    [Fact]
    public async Task The_webhook_sends_one_message_keyed_by_event_id_in_the_accounts_session()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;

        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event("settled", "sb-1", number, "25.40"));

        Assert.Equal(202, status);
        var sent = Assert.Single(Sender.For("sb-1"));
        Assert.Equal(body.GetProperty("event_id").GetString(), sent.MessageId);
        Assert.Equal(number, sent.SessionId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(session.Tenant.Id, sent.ApplicationProperties["tenant_id"]);
        Assert.Equal("deposit.settled", sent.ApplicationProperties["event_type"]);
        var message = DepositMessage.Parse(sent.Body.ToString());
        Assert.Equal((session.Tenant.Id, "sb-1", number, "25.40"), (message.TenantId, message.Reference, message.AccountNumber, message.Amount));

        var applied = await ApplyAsync(HostMessage.Received(sent));

        Assert.Equal("Applied", applied.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(sent.MessageId, applied.ReturnValue[0].GetProperty("message_id").GetString());
        Assert.Equal(25.40m, await Invocations.AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task A_failed_send_leaves_the_stored_event_to_the_sweeper_and_the_webhook_still_answers_202()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var outbox = app.Services.GetRequiredService<Core.Deposits.IDepositOutbox>();
        int status;
        Sender.FailWith = new ServiceBusException("injected: namespace unreachable", ServiceBusFailureReason.ServiceCommunicationProblem);
        try
        {
            (status, _) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event("settled", "sb-lost", number, "3.00"));
        }
        finally
        {
            Sender.FailWith = null;
        }

        Assert.Equal(202, status);
        Assert.Empty(Sender.For("sb-lost"));
        var due = await outbox.DueAsync(DateTimeOffset.UtcNow.AddHours(1), 10_000, CancellationToken.None);
        Assert.Contains(due, e => e.TenantId == session.Tenant.Id && e.Reference == "sb-lost");
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("the outbox sweeper will queue it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_batch_is_applied_whole_and_each_message_reports_its_outcome()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var batch = new[] { ("b-1", "1.00"), ("b-2", "2.00"), ("b-3", "4.00") }
            .Select((e, i) => new HostMessage(Message(session, e.Item1, number, e.Item2), "evt_" + e.Item1, number, SequenceNumber: i + 1))
            .ToList();

        var answer = await ApplyAsync([.. batch]);

        Assert.Equal(["evt_b-1", "evt_b-2", "evt_b-3"], answer.ReturnValue.EnumerateArray().Select(r => r.GetProperty("message_id").GetString()));
        Assert.All(answer.ReturnValue.EnumerateArray(), r => Assert.Equal("Applied", r.GetProperty("status").GetString()));
        Assert.Equal(7.00m, await Invocations.AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task A_partly_failed_batch_answers_500_and_its_redelivery_applies_nothing_twice()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var good = new HostMessage(Message(session, "p-good", number, "5.00"), "evt_p-good", number);
        var bad = new HostMessage("""{"tenant_id":"t","event":"deposit.unknown"}""", "evt_p-bad", number, SequenceNumber: 2);

        var first = await HostAnswer.InvokeAsync(app.CreateClient(), ApplyDepositFunction.Name, HostPayloads.ServiceBusBatch(ApplyDepositFunction.Name, [good, bad]));
        var again = await HostAnswer.InvokeAsync(app.CreateClient(), ApplyDepositFunction.Name,
            HostPayloads.ServiceBusBatch(ApplyDepositFunction.Name, [good with { DeliveryCount = 2 }, bad with { DeliveryCount = 2 }]));
        var alone = await ApplyAsync(good with { DeliveryCount = 3 });

        Assert.Equal((500, 500), (first.Status, again.Status)); // the host abandons the whole batch
        Assert.Equal(5.00m, await Invocations.AvailableBalanceAsync(session));
        Assert.Equal("Applied", alone.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(5.00m, await Invocations.AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task A_redelivery_after_the_account_was_closed_replays_the_credit_instead_of_flagging_a_refund()
    {
        var session = await ZoqqSession.StartAsync(app);
        var account = await session.OpenAsync();
        var number = account.GetProperty("account_number").GetString()!;
        var message = new HostMessage(Message(session, "contract-closed", number, "12.00"), "evt_contract-closed", number);

        var first = await ApplyAsync(message);
        await session.SendAsync(HttpMethod.Delete, "/zoqq/api/v1/account", accountId: account.GetProperty("id").GetString());
        var redelivered = await ApplyAsync(message with { DeliveryCount = 2 });

        Assert.Equal("Applied", redelivered.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(first.ReturnValue[0].GetProperty("entry_id").GetString(), redelivered.ReturnValue[0].GetProperty("entry_id").GetString());
        Assert.Equal(12.00m, await Invocations.AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task The_documented_unencoded_form_is_accepted_too()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var payload = $$$"""{"Data":{"message":[{{{Message(session, "plain-1", number, "7.00")}}}]},"Metadata":{"DeliveryCountArray":[1]}}""";

        var answer = await HostAnswer.InvokeAsync(app.CreateClient(), ApplyDepositFunction.Name, payload);

        Assert.Equal("Applied", answer.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(7.00m, await Invocations.AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task A_single_message_invocation_is_refused_because_the_trigger_declares_batches()
    {
        var payload = HostPayloads.ServiceBusMessage(ApplyDepositFunction.Name, new HostMessage("""{"reference":"x"}""", "evt_x"));

        var answer = await HostAnswer.InvokeAsync(app.CreateClient(), ApplyDepositFunction.Name, payload);

        Assert.Equal(400, answer.Status);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("Data.message is a string, not an array", StringComparison.Ordinal)
            || e.Message.Contains("Data.message is an object, not an array", StringComparison.Ordinal));
    }

    [Fact]
    public void The_webhook_is_a_plain_forwarded_function_and_ApplyDeposit_a_session_batch_trigger()
    {
        var functions = Accounts.Functions.Hosting.Functions.FunctionMetadataBuilder.Build(
            app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints);

        var receive = Assert.Single(functions, f => f.Name == "ReceiveDeposit");
        Assert.Equal(["httpTrigger", "http"], receive.Bindings.Select(b => b.Type));
        Assert.Equal("webhooks/deposits", receive.Bindings[0].ToJson()["route"]!.GetValue<string>());
        var apply = Assert.Single(Assert.Single(functions, f => f.Name == ApplyDepositFunction.Name).Bindings).ToJson();
        Assert.Equal((true, "many", "string"), (apply["isSessionsEnabled"]!.GetValue<bool>(), apply["cardinality"]!.GetValue<string>(),
            apply["dataType"]!.GetValue<string>()));
        var requeue = Assert.Single(functions, f => f.Name == RequeueDepositsFunction.Name);
        Assert.Equal(["timerTrigger"], requeue.Bindings.Select(b => b.Type));
    }

    private async Task<HostAnswer> ApplyAsync(params HostMessage[] messages)
    {
        var answer = await HostAnswer.InvokeAsync(app.CreateClient(), ApplyDepositFunction.Name,
            HostPayloads.ServiceBusBatch(ApplyDepositFunction.Name, messages));
        Assert.True(answer.Succeeded, $"ApplyDeposit answered {answer.Status}");
        Assert.Equal(JsonValueKind.Array, answer.ReturnValue.ValueKind);
        return answer;
    }

    private static string Message(ZoqqSession session, string reference, string number, string amount) =>
        new DepositMessage(session.Tenant.Id, "evt_" + reference, "deposit.settled", reference, number, amount, "SGD", null, null,
            "2025-04-09T10:12:37.0000000+00:00", DateTimeOffset.UtcNow.ToString("O")).ToJson();
}
