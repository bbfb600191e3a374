using System.Text;
using Accounts.Core.NubanAccounts;
using Accounts.Functions.Nuban;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>Expiry with the fixture's movable clock; the timer is invoked the way the Functions host does it.</summary>
[Collection(NubanCollection.Name)]
public sealed class NubanExpiryTests(NubanAppFixture app)
{
    [Fact]
    public async Task A_one_minute_account_is_gone_once_its_minute_has_passed_even_before_the_timer_runs()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(200, (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(2));

        AssertError(410, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}"), "expired");
        var listed = (await session.SendAsync(HttpMethod.Get, "/v1/accounts")).Body.GetProperty("data")[0];
        Assert.Equal(("ACTIVE", true), (S(listed, "status"), listed.GetProperty("is_expired").GetBoolean()));
    }

    [Fact]
    public async Task The_host_invocation_of_the_timer_marks_due_accounts_expired_and_answers_the_invocation_contract()
    {
        var session = await StartAsync(app);
        var due = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        var running = S(await session.CreateDynamicAsync(minutes: 60), "account_number");
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, text) = await InvokeTimerAsync();

        Assert.Equal(200, status);
        Assert.Equal("""{"Outputs":{},"Logs":[],"ReturnValue":null}""", text);
        var list = (await session.SendAsync(HttpMethod.Get, "/v1/accounts")).Body.GetProperty("data").EnumerateArray()
            .ToDictionary(a => S(a, "account_number"), a => (S(a, "status"), a.GetProperty("is_expired").GetBoolean()));
        Assert.Equal(("EXPIRED", true), list[due]);
        Assert.Equal(("ACTIVE", false), list[running]);
        AssertError(410, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{due}"), "expired");
    }

    [Fact]
    public async Task Expiring_is_idempotent_and_leaves_closed_accounts_closed()
    {
        var session = await StartAsync(app);
        var closed = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{closed}");
        var expiring = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var expirer = app.Services.GetRequiredService<DynamicAccountExpirer>();

        await expirer.RunAsync(CancellationToken.None);
        var second = await expirer.RunAsync(CancellationToken.None);

        Assert.Equal(0, second);
        var list = (await session.SendAsync(HttpMethod.Get, "/v1/accounts")).Body.GetProperty("data").EnumerateArray()
            .ToDictionary(a => S(a, "account_number"), a => S(a, "status"));
        Assert.Equal(("CLOSED", "EXPIRED"), (list[closed], list[expiring]));
        AssertError(403, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{closed}"), NubanAccountDirectory.ClosedMessage);
    }

    [Fact]
    public async Task An_expired_account_can_still_be_closed()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, body) = await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{number}");

        Assert.Equal(200, status);
        Assert.Equal("CLOSED", S(body.GetProperty("data"), "status"));
    }

    /// <summary>
    /// What the host posts for a timer trigger (built by <see cref="Hosting.HostPayloads"/>), to the function's root path, of
    /// the app run under the host (standalone the route is not served); the answer must be one the host can read.
    /// </summary>
    private async Task<(int Status, string Text)> InvokeTimerAsync()
    {
        using var content = new StringContent(Hosting.HostPayloads.Timer(NubanExpiryFunction.Name), Encoding.UTF8, "application/json");
        using var response = await app.CreateFunctionsHostClient().PostAsync("/" + NubanExpiryFunction.Name, content);
        var text = await response.Content.ReadAsStringAsync();
        using var copy = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        Assert.True((await Hosting.HostAnswer.ReadAsync(copy)).Succeeded, text);
        return ((int)response.StatusCode, text);
    }
}
