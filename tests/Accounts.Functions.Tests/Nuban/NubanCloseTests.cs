using Accounts.Core.NubanAccounts;
using Accounts.Functions.Nuban;
using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanCloseTests(NubanAppFixture app)
{
    [Theory]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    public async Task Close_static_accepts_delete_and_post_with_the_number_as_number_or_string(string method, bool asNumber)
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateStaticAsync(), "account_number");
        var body = asNumber ? $$"""{"account_number": {{number}}, "note": "for testing"}""" : $$"""{"account_number": "{{number}}"}""";

        var (status, closed) = await session.SendAsync(new HttpMethod(method), "/v1/accounts/static/close", body);

        Assert.Equal(200, status);
        Assert.Equal("Virtual account closed successfully", closed.GetProperty("message").GetString());
        Assert.Equal(("CLOSED", number), (S(closed.GetProperty("data"), "status"), S(closed.GetProperty("data"), "account_number")));
        Assert.Equal(asNumber ? "for testing" : null, closed.GetProperty("data").TryGetProperty("note", out var note) ? note.GetString() : null);
    }

    [Fact]
    public async Task A_closed_account_answers_403_to_reads_and_closes_and_lists_as_closed()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateStaticAsync(), "account_number");
        Assert.Equal(200, (await session.SendAsync(HttpMethod.Delete, "/v1/accounts/static/close", new { account_number = number })).Status);

        AssertError(403, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{number}"), NubanAccountDirectory.ClosedMessage);
        AssertError(403, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static/close", new { account_number = number }),
            NubanAccountDirectory.ClosedMessage);
        AssertError(403, await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{number}"), NubanAccountDirectory.ClosedMessage);
        var listed = (await session.SendAsync(HttpMethod.Get, "/v1/accounts")).Body.GetProperty("data")[0];
        Assert.Equal(("CLOSED", false), (S(listed, "status"), listed.GetProperty("is_expired").GetBoolean()));
    }

    [Fact]
    public async Task Delete_by_number_closes_a_dynamic_account_which_then_answers_403()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(), "account_number");

        var (status, closed) = await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{number}");

        Assert.Equal(200, status);
        Assert.Equal(("CLOSED", "DYNAMIC"), (S(closed.GetProperty("data"), "status"), S(closed.GetProperty("data"), "account_type")));
        AssertError(403, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}"), NubanAccountDirectory.ClosedMessage);
    }

    [Fact]
    public async Task Close_static_refuses_dynamic_accounts_and_unknown_numbers_with_404()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(), "account_number");

        AssertError(404, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static/close", new { account_number = number }), "no static account");
        AssertError(404, await session.SendAsync(HttpMethod.Delete, "/v1/accounts/1234567890"), "1234567890");
        Assert.Equal(200, (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Status);
    }

    [Theory]
    [InlineData("""{"note": "x"}""", "account_number")]
    [InlineData("""{"account_number": 123}""", "account_number")]
    [InlineData("""{"account_number": 7.0E9}""", "account_number")]
    [InlineData("""{"account_number": true}""", "account_number")]
    [InlineData("""{"account_number": "1234567890", "reason": "x"}""", "reason")]
    public async Task Bad_close_bodies_are_400(string body, string field)
    {
        var session = await StartAsync(app);

        AssertError(400, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static/close", body), field);
    }
}
