using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Zoqq;

[Collection(AppCollection.Name)]
public class ZoqqAuthTests(AppFixture app)
{
    [Fact]
    public async Task A_token_is_issued_for_the_right_client_secret()
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await IssueToken(session, session.Tenant.ClientSecret);

        Assert.Equal(200, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.True(body.GetProperty("access_token").GetString()!.Length >= 43, "token must carry at least 256 bits");
        Assert.NotEqual(session.Token, body.GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_401_in_the_zoqq_envelope()
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await IssueToken(session, "not-the-secret");

        AssertError(401, status, body, "client_secret");
    }

    [Theory]
    [InlineData("x-api-key", 400)]
    [InlineData("x-product-id", 400)]
    [InlineData("x-request-id", 400)]
    [InlineData("x-user-id", 400)]
    [InlineData("Authorization", 401)]
    public async Task Every_required_header_is_checked(string header, int expected)
    {
        var session = await ZoqqSession.StartAsync(app);
        var request = session.Request(HttpMethod.Get, "/zoqq/api/v1/account");
        request.Headers.Remove(header);

        var (status, body) = await session.SendAsync(request);

        AssertError(expected, status, body, header);
    }

    [Theory]
    [InlineData("x-api-key", "wrong-key")]
    [InlineData("x-product-id", "other-product")]
    [InlineData("Authorization", "Bearer not-a-token")]
    [InlineData("Authorization", "Basic abc")]
    public async Task A_wrong_credential_gets_401(string header, string value)
    {
        var session = await ZoqqSession.StartAsync(app);
        var request = session.Request(HttpMethod.Get, "/zoqq/api/v1/account/balance");
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);

        var (status, body) = await session.SendAsync(request);

        AssertError(401, status, body, null);
    }

    [Fact]
    public async Task A_user_id_that_is_not_printable_ascii_is_400()
    {
        var session = await ZoqqSession.StartAsync(app);
        var request = session.Request(HttpMethod.Get, "/zoqq/api/v1/account");
        request.Headers.Remove("x-user-id");
        request.Headers.TryAddWithoutValidation("x-user-id", "user\u0001");

        var (status, body) = await session.SendAsync(request);

        AssertError(400, status, body, "x-user-id");
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var mine = await ZoqqSession.StartAsync(app);
        var theirs = await ZoqqSession.StartAsync(app);
        var request = mine.Request(HttpMethod.Get, "/zoqq/api/v1/account");
        request.Headers.Authorization = new("Bearer", theirs.Token);

        var (status, body) = await mine.SendAsync(request);

        AssertError(401, status, body, null);
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_is_refused_naming_content_type()
    {
        var session = await ZoqqSession.StartAsync(app);
        var request = session.Request(HttpMethod.Post, "/zoqq/api/v1/account");
        request.Content = new StringContent("{}", Encoding.UTF8, "text/plain");

        var (status, body) = await session.SendAsync(request);

        AssertError(400, status, body, "Content-Type");
    }

    internal static void AssertError(int expected, int status, JsonElement body, string? mentions)
    {
        Assert.Equal(expected, status);
        Assert.Equal(expected, body.GetProperty("code").GetInt32());
        Assert.Equal("error", body.GetProperty("status").GetString());
        if (mentions is not null)
        {
            Assert.Contains(mentions, body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<(int, JsonElement)> IssueToken(ZoqqSession session, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zoqq/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { client_secret = secret }),
        };
        request.Headers.Add("x-api-key", session.Tenant.ApiKey);
        request.Headers.Add("x-product-id", session.Tenant.ProductId);
        return await session.SendAsync(request);
    }
}
