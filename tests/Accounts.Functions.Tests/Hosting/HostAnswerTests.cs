using System.Net;
using System.Text;
using Xunit.Sdk;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>The test fixture reads answers as the host does, so contract tests cannot pass on answers the host would not take.</summary>
public sealed class HostAnswerTests
{
    [Fact]
    public async Task A_non_2xx_answer_has_no_outputs_or_logs_for_the_host()
    {
        using var response = Answer(HttpStatusCode.InternalServerError, """{"Outputs":{"res":{"statusCode":202}},"Logs":["x"]}""");

        var answer = await HostAnswer.ReadAsync(response);

        Assert.False(answer.Succeeded);
        Assert.Throws<TrueException>(() => answer.Outputs);
        Assert.Throws<TrueException>(() => answer.Logs);
    }

    [Fact]
    public async Task An_empty_2xx_answer_fails_the_test_because_the_host_would_hang_on_it()
    {
        using var response = Answer(HttpStatusCode.OK, "");

        await Assert.ThrowsAsync<FalseException>(() => HostAnswer.ReadAsync(response));
    }

    [Fact]
    public async Task A_2xx_answer_is_read_case_insensitively()
    {
        using var response = Answer(HttpStatusCode.OK, """{"outputs":{"res":1},"logs":["done"],"returnValue":{"n":2}}""");

        var answer = await HostAnswer.ReadAsync(response);

        Assert.Equal((1, "done", 2), (answer.Outputs.GetProperty("res").GetInt32(), answer.Logs.Single(), answer.ReturnValue.GetProperty("n").GetInt32()));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
