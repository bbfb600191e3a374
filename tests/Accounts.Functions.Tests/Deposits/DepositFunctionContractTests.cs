using System.Globalization;
using System.Text;
using System.Text.Json;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Hosting;
using Accounts.Functions.Tests.Zoqq;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The Functions host's side of the deposit pipeline, replayed exactly as CUSTOM-HANDLER.md describes it: JSON
/// invocations at /{FunctionName} with double-encoded values, answered with Outputs, Logs and ReturnValue. The app runs
/// under the Functions host: standalone these routes are not served at all.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public class DepositFunctionContractTests(FunctionsHostAppFixture app)
{
    [Fact]
    public async Task ApplyDeposit_applies_a_double_encoded_service_bus_message_and_reports_the_outcome()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var message = Message(session, "contract-1", number, "25.40");

        var (status, body) = await Invoke("ApplyDeposit", ServiceBusInvocation(message, deliveryCount: "1", doubleEncoded: true));

        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal("Applied", body.GetProperty("ReturnValue").GetProperty("status").GetString());
        var (_, balance) = await session.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance");
        Assert.Equal(25.40m, balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal());
    }

    [Fact]
    public async Task ApplyDeposit_accepts_the_documented_plain_form_and_a_redelivery_has_no_second_effect()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var message = Message(session, "contract-2", number, "7.00");

        var first = await Invoke("ApplyDeposit", ServiceBusInvocation(message, deliveryCount: "1", doubleEncoded: false));
        var again = await Invoke("ApplyDeposit", ServiceBusInvocation(message, deliveryCount: "2", doubleEncoded: true));

        Assert.Equal((200, 200), (first.Status, again.Status));
        var (_, balance) = await session.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance");
        Assert.Equal(7.00m, balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal());
    }

    [Fact]
    public async Task A_redelivery_after_the_account_was_closed_replays_the_credit_instead_of_flagging_a_refund()
    {
        var session = await ZoqqSession.StartAsync(app);
        var account = await session.OpenAsync();
        var message = Message(session, "contract-closed", account.GetProperty("account_number").GetString()!, "12.00");

        var first = await Invoke("ApplyDeposit", ServiceBusInvocation(message, deliveryCount: "1", doubleEncoded: true));
        await session.SendAsync(HttpMethod.Delete, "/zoqq/api/v1/account", accountId: account.GetProperty("id").GetString());
        var redelivered = await Invoke("ApplyDeposit", ServiceBusInvocation(message, deliveryCount: "2", doubleEncoded: true));

        Assert.Equal("Applied", first.Body.GetProperty("ReturnValue").GetProperty("status").GetString());
        Assert.Equal("Applied", redelivered.Body.GetProperty("ReturnValue").GetProperty("status").GetString());
        Assert.Equal(first.Body.GetProperty("ReturnValue").GetProperty("entry_id").GetString(),
            redelivered.Body.GetProperty("ReturnValue").GetProperty("entry_id").GetString());
        var (_, balance) = await session.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance");
        Assert.Equal(12.00m, balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal());
    }

    [Fact]
    public async Task ApplyDeposit_answers_500_for_a_message_it_cannot_apply_so_the_host_retries()
    {
        var (status, body) = await Invoke("ApplyDeposit", ServiceBusInvocation("""{"tenant_id":"t","event":"deposit.unknown"}""", "1", true));

        Assert.Equal(500, status);
        Assert.NotEmpty(body.GetProperty("Logs").EnumerateArray());
    }

    [Fact]
    public async Task ReceiveDeposit_answers_the_caller_in_res_and_queues_the_event_in_the_service_bus_output()
    {
        var session = await ZoqqSession.StartAsync(app);
        var json = JsonSerializer.Serialize(DepositWebhook.Event("settled", "contract-3", "123", "1.00"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string[]>
        {
            ["X-Api-Key"] = [session.Tenant.ApiKey],
            ["x-timestamp"] = [timestamp],
            ["x-signature"] = [WebhookSignature.Sign(session.Tenant.WebhookSecret, timestamp, json)],
            ["Content-Type"] = ["application/json"],
        };

        var (status, body) = await Invoke("ReceiveDeposit", HttpInvocation(headers, json));
        headers["x-signature"] = [new string('0', 64)];
        var (badStatus, badBody) = await Invoke("ReceiveDeposit", HttpInvocation(headers, json));

        Assert.Equal(200, status);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(202, res.GetProperty("statusCode").GetInt32());
        Assert.Equal("accepted", res.GetProperty("body").GetProperty("status").GetString());
        var queued = DepositMessage.Parse(body.GetProperty("Outputs").GetProperty("deposit").GetString()!);
        Assert.Equal(("contract-3", "1.00", session.Tenant.Id), (queued.Reference, queued.Amount, queued.TenantId));
        Assert.Equal(200, badStatus);
        Assert.Equal(401, badBody.GetProperty("Outputs").GetProperty("res").GetProperty("statusCode").GetInt32());
        Assert.False(badBody.GetProperty("Outputs").TryGetProperty("deposit", out _));
    }

    private static string Message(ZoqqSession session, string reference, string number, string amount) =>
        new DepositMessage(session.Tenant.Id, "evt_" + reference, "deposit.settled", reference, number, amount, "SGD", null, null,
            "2025-04-09T10:12:37.0000000+00:00", DateTimeOffset.UtcNow.ToString("O")).ToJson();

    private static object ServiceBusInvocation(string message, string deliveryCount, bool doubleEncoded) => new
    {
        Data = new Dictionary<string, object> { ["message"] = doubleEncoded ? JsonSerializer.Serialize(message) : JsonDocument.Parse(message).RootElement },
        Metadata = new Dictionary<string, object>
        {
            ["DeliveryCount"] = deliveryCount,
            ["MessageId"] = "\"abc\"",
            ["sys"] = new { MethodName = "ApplyDeposit", UtcNow = "2025-04-09T10:12:37Z", RandGuid = Guid.NewGuid() },
        },
    };

    private static object HttpInvocation(Dictionary<string, string[]> headers, string body) => new
    {
        Data = new
        {
            req = new
            {
                Url = "https://accounts.example/webhooks/deposits",
                Method = "POST",
                Query = new Dictionary<string, string>(),
                Headers = headers,
                Params = new Dictionary<string, string>(),
                Identities = Array.Empty<object>(),
                Body = body,
            },
        },
        Metadata = new Dictionary<string, object>(),
    };

    private async Task<(int Status, JsonElement Body)> Invoke(string function, object payload)
    {
        using var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        return await DepositWebhook.ReadAsync(await app.CreateClient().PostAsync("/" + function, content));
    }
}
