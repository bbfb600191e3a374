using Accounts.Functions.Hosting;
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
