using System.Text;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

[Collection(AppCollection.Name)]
public class InternalAuthTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Theory]
    [InlineData("x-api-key", 400)]
    [InlineData("User-Agent", 400)]
    [InlineData("Authorization", 401)]
    public async Task Every_required_header_is_checked_and_named(string header, int expected)
    {
        var session = await StartAsync(app);
        var request = session.Request(HttpMethod.Get, Accounts);
        request.Headers.Remove(header);

        AssertError(expected, await session.SendAsync(request), header);
    }

    [Theory]
    [InlineData("x-api-key", "wrong-key")]
    [InlineData("Authorization", "Bearer not-a-token")]
    [InlineData("Authorization", "Basic abc")]
    public async Task A_wrong_credential_gets_401(string header, string value)
    {
        var session = await StartAsync(app);
        var request = session.Request(HttpMethod.Get, Accounts);
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await session.SendAsync(request);

        AssertError(401, response, null);
        Assert.Equal("UNAUTHORIZED", response.Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var mine = await StartAsync(app);
        var theirs = await StartAsync(app);
        var request = mine.Request(HttpMethod.Get, Accounts);
        request.Headers.Authorization = new("Bearer", theirs.Token);

        AssertError(401, await mine.SendAsync(request), null);
    }

    [Fact]
    public async Task A_token_from_the_token_endpoint_works_for_every_ledger_operation()
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();

        Assert.Equal(200, (await session.SendAsync(HttpMethod.Get, Accounts)).Status);
        Assert.Equal(200, (await session.SendAsync(HttpMethod.Get, $"{Accounts}/{id}")).Status);
        Assert.Equal(200, (await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { name = "Renamed" })).Status);
        Assert.Equal(204, (await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{id}")).Status);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_naming_content_type()
    {
        var session = await StartAsync(app);
        var request = session.Request(HttpMethod.Post, Accounts);
        request.Content = new StringContent("{}", Encoding.UTF8, "text/plain");

        AssertError(400, await session.SendAsync(request), "Content-Type");
    }
}
