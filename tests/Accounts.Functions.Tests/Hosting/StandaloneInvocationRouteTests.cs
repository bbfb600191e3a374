using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;
using static Accounts.Functions.Tests.Hosting.Invocations;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// Run as by <c>dotnet run</c>, the app must not serve the routes only the Functions host may call: they apply deposits
/// and expire accounts for whatever tenant the body names, with no authentication.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StandaloneInvocationRouteTests(AppFixture app)
{
    [Fact]
    public async Task Every_invocation_route_answers_404_to_any_method()
    {
        var functions = InvocationFunctions(app.Services);
        Assert.Superset(new HashSet<string> { "ApplyDeposit", "RequeueDeposits", "ExpireDynamicAccounts" },
            functions.Select(f => f.FunctionName).ToHashSet());
        using var client = app.CreateClient();

        foreach (var function in functions)
        {
            using var post = await client.PostAsync("/" + function.FunctionName, Json(Minimal(function)));
            using var get = await client.GetAsync("/" + function.FunctionName);

            Assert.Equal((function.FunctionName, 404, 404), (function.FunctionName, (int)post.StatusCode, (int)get.StatusCode));
        }
    }

    [Fact]
    public async Task The_forged_ApplyDeposit_of_the_issue_is_not_served_and_credits_nothing()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;

        using var response = await app.CreateClient().PostAsync("/ApplyDeposit", Json(ForgedDeposit(session, number, "forged-1")));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(0m, await AvailableBalanceAsync(session));
    }

    [Fact]
    public async Task The_public_webhook_route_is_still_served()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;

        var (status, _) = await Deposits.DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
            Deposits.DepositWebhook.Event("settled", "standalone-webhook", number, "3.00"));

        Assert.Equal(202, status);
    }
}
