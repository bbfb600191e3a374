using System.Text.Json;
using Accounts.Functions.Tests.Zoqq;
using Microsoft.Extensions.Logging;
using static Accounts.Functions.Tests.Hosting.Invocations;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// Under the Functions host the invocation routes are served, and a body the host could not have sent answers 400 with
/// a warning naming the function and the problem, never a 500 (which would make Service Bus redeliver it ten times).
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostInvocationTests(FunctionsHostAppFixture app)
{
    [Fact]
    public async Task Every_invocation_route_is_served()
    {
        using var client = app.CreateClient();
        foreach (var function in InvocationFunctions(app.Services))
        {
            var answer = await HostAnswer.InvokeAsync(client, function.FunctionName, Minimal(function));

            // An empty batch, a timer with nothing due: each completes, with a body the host can read.
            Assert.True(answer.Succeeded, $"{function.FunctionName}: {answer.Status}");
        }
    }

    [Fact]
    public async Task The_invocation_refused_standalone_is_applied_here()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;

        var answer = await HostAnswer.InvokeAsync(app.CreateClient(), "ApplyDeposit", ForgedDeposit(session, number, "host-1"));

        Assert.Equal("Applied", answer.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(1_000_000m, await AvailableBalanceAsync(session));
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "ApplyDeposit", "", "the body is empty" },
        { "ApplyDeposit", "Data=1", "the body is not JSON" },
        { "ApplyDeposit", """[{"Data":{}}]""", "the body is an array, not an object" },
        { "ApplyDeposit", """{"Metadata":{}}""", "the body has no 'Data' object" },
        { "ApplyDeposit", """{"Data":"{}x","Metadata":{}}""", "'Data' is a string, not an object" },
        { "ApplyDeposit", """{"Data":{"message":{}},"Metadata":[]}""", "'Metadata' is an array, not an object" },
        { "ApplyDeposit", """{"Data":{},"Metadata":{}}""", "Data has no 'message'" },
        { "ApplyDeposit", """{"Data":{"message":{"narration":"\ud800"}}}""", "Data.message.narration is not valid Unicode" },
        { "ApplyDeposit", """{"Data":{"message":{"\udc00":1}}}""", "a property name in Data.message is not valid Unicode" },
        { "ApplyDeposit", """{"Data":{"message":"{\"narration\":\"\\ud800\"}"}}""", "Data.message.narration is not valid Unicode" },
        { "ApplyDeposit", """{"Data":{"message":{}},"Metadata":{"DeliveryCount":"\ud800"}}""", "Metadata.DeliveryCount is not valid Unicode" },
        { "ApplyDeposit", """{"Data":{"message":{}},"Metadata":{}}""", "Data.message is an object, not an array (the trigger has cardinality many)" },
        { "ApplyDeposit", """{"Data":{"message":"{\"reference\":\"x\"}"},"Metadata":{}}""", "Data.message is an object, not an array" },
        { "RequeueDeposits", """{"Data":{"req":{}}}""", "Data has no 'timer'" },
        { "ExpireDynamicAccounts", "null", "the body is null, not an object" },
        { "ExpireDynamicAccounts", """{"Data":{},"Metadata":{}}""", "Data has no 'timer'" },
        { "ExpireDynamicAccounts", """{"Data":{"timer":{"IsPastDue":"\udfff"}}}""", "Data.timer.IsPastDue is not valid Unicode" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_invocation_answers_400_and_logs_a_warning(string function, string body, string problem) =>
        await AssertRefusedAsync(function, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), problem);

    [Fact]
    public async Task Invalid_UTF8_in_a_string_answers_400()
    {
        byte[] body = [.. "{\"Data\":{\"message\":{\"narration\":\""u8, 0xC3, 0x28, .. "\"}}}"u8];

        await AssertRefusedAsync("ApplyDeposit", new ByteArrayContent(body), "Data.message.narration is not valid Unicode");
    }

    private async Task AssertRefusedAsync(string function, HttpContent content, string problem)
    {
        using (content)
        {
            using var response = await app.CreateClient().PostAsync("/" + function, content);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(400 == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
            var logs = JsonDocument.Parse(text).RootElement.GetProperty("Logs");
            Assert.Contains(problem, logs[0].GetString());
            Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith(function + ":", StringComparison.Ordinal)
                && e.Message.Contains(problem, StringComparison.Ordinal));
        }
    }
}
