using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Invocation;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using static Accounts.Functions.Tests.Hosting.Invocations;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>What every MapFunction endpoint gets, on a throwaway app run under the Functions host.</summary>
public sealed class InvocationFilterTests
{
    private const string TimerInvocation = """{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""";

    [Theory]
    [InlineData("Ok")]
    [InlineData("NoContent")]
    [InlineData("Empty")]
    [InlineData("EmptyContent")]
    public async Task A_success_without_a_body_fails_the_invocation_instead_of_leaving_the_host_waiting(string function)
    {
        await using var app = await StartAsync(functions =>
        {
            functions.MapFunction("Ok", Timer(), () => Results.Ok());
            functions.MapFunction("NoContent", Timer(), () => Results.NoContent());
            functions.MapFunction("Empty", Timer(), () => Results.Empty);
            functions.MapFunction("EmptyContent", Timer(), () => Results.Content("", "application/json"));
        });

        using var response = await app.GetTestClient().PostAsync("/" + function, Json(TimerInvocation));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_handler_answer_with_a_body_is_passed_through_with_its_status()
    {
        await using var app = await StartAsync(functions =>
        {
            functions.MapFunction("Answers", Timer(), () => Results.Json(new { done = true }, statusCode: 202));
            functions.MapFunction("Fails", Timer(), () => Results.Json(new { failed = "boom" }, statusCode: 500));
        });
        using var client = app.GetTestClient();

        using var answers = await client.PostAsync("/Answers", Json(TimerInvocation));
        using var fails = await client.PostAsync("/Fails", Json(TimerInvocation));

        Assert.Equal((202, """{"done":true}"""), ((int)answers.StatusCode, await answers.Content.ReadAsStringAsync()));
        Assert.Equal((500, """{"failed":"boom"}"""), ((int)fails.StatusCode, await fails.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_json_mode_http_request_sent_without_Content_Length_has_no_Body_and_reads_as_empty()
    {
        await using var app = await StartAsync(MapEcho);
        var headers = new Dictionary<string, string> { ["x-api-key"] = "k", ["Transfer-Encoding"] = "chunked" };

        var answer = await HostAnswer.InvokeAsync(app.GetTestClient(), "Echo",
            HostPayloads.HttpRequest("Echo", "post", "https://accounts.example/echo", headers, body: null));

        var body = answer.Outputs.GetProperty("res").GetProperty("body");
        Assert.Equal((0, "k"), (body.GetProperty("length").GetInt32(), body.GetProperty("key").GetString()));
    }

    public static TheoryData<string, string> MalformedHttp() => new()
    {
        { """{"Data":{"req":"x-api-key: k"}}""", "Data.req is a string, not an object" },
        { """{"Data":{"req":{"Headers":"x-api-key: k","Body":"{}"}}}""", "Data.req.Headers is a string, not an object" },
        { """{"Data":{"req":{"Headers":{"x-api-key":5}}}}""", "Data.req.Headers.x-api-key is not a string or an array of strings" },
        { """{"Data":{"req":{"Headers":{"x-api-key":["k",null]}}}}""", "Data.req.Headers.x-api-key is not a string or an array of strings" },
        { """{"Data":{"req":{"Headers":{"x-api-key":["k"],"X-API-KEY":["j"]}}}}""", "names header 'X-API-KEY' twice" },
        { """{"Data":{"req":{"Headers":{},"Body":{"event":"deposit.settled"}}}}""", "Data.req.Body is an object, not a string" },
    };

    [Theory]
    [MemberData(nameof(MalformedHttp))]
    public async Task A_json_mode_http_request_the_host_could_not_have_built_answers_400(string payload, string problem)
    {
        await using var app = await StartAsync(MapEcho);

        using var response = await app.GetTestClient().PostAsync("/Echo", Json(payload));

        Assert.Equal(400, (int)response.StatusCode);
        var logs = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Logs");
        Assert.Contains(problem, logs[0].GetString());
    }

    /// <summary>An HTTP trigger with an output the host cannot forward: the JSON protocol at POST /Echo.</summary>
    private static void MapEcho(WebApplication functions) =>
        functions.MapFunction("Echo", FunctionBinding.HttpTrigger("echo", ["post"]), (HttpContext http) =>
        {
            var req = InvocationRequest.Of(http).HttpTrigger("req");
            var res = InvocationResponse.HttpOutput(200, new { length = req.Body.Length, key = req.Header("x-api-key") });
            return new InvocationResponse(new Dictionary<string, object?> { ["res"] = res }, [], null).Completed();
        }, FunctionBinding.HttpOutput());

    private static FunctionBinding Timer() => FunctionBinding.TimerTrigger("timer", "0 * * * * *");

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = TestingAppFactory.EnvironmentName });
        builder.Configuration[ListenAddress.CustomHandlerPortKey] = TestingAppFactory.FunctionsHostPort;
        builder.WebHost.UseTestServer();
        builder.AddCustomHandlerHosting();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
