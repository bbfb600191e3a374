using Accounts.Core.Security;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Operator;

/// <summary>The credential lifecycle over HTTP: create, key limit, revocation, client secret rotation.</summary>
[Collection(AppCollection.Name)]
public sealed class OperatorCredentialTests(AppFixture app)
{
    private readonly OperatorClient _operator = new(app.Services, app.CreateClient);

    [Theory]
    [InlineData(null, "x-operator-key header is required")]
    [InlineData("wrong-key", "x-operator-key is not valid")]
    public async Task Every_operator_route_needs_the_operator_key(string? key, string message)
    {
        string[] paths = ["/operator/tenants", "/operator/tenants/t/api-keys", "/operator/tenants/t/client-secret", "/operator/tenants/t/webhook-secret"];
        foreach (var path in paths)
        {
            var (status, body) = await _operator.SendAsync(HttpMethod.Post, path, new { name = "x" }, key);

            Assert.True(status == 401, $"{path}: {status} {body}");
            Assert.Equal((message, "x-operator-key"), (body.GetProperty("message").GetString(), body.GetProperty("field").GetString()));
        }

        Assert.Equal(401, (await _operator.SendAsync(HttpMethod.Get, "/operator/tenants/t", null, key)).Status);
        Assert.Equal(401, (await _operator.SendAsync(HttpMethod.Delete, "/operator/tenants/t/api-keys/k", null, key)).Status);
    }

    [Fact]
    public async Task A_created_tenant_gets_generated_credentials_that_work_and_are_shown_once()
    {
        var (status, body) = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants",
            new { name = "Acme", product_id = "acme-" + Guid.NewGuid().ToString("N"), partner_id = "acme-partner", environment = "LIVE" });

        Assert.Equal(201, status);
        var apiKey = body.GetProperty("api_key").GetProperty("key").GetString()!;
        var clientSecret = body.GetProperty("client_secret").GetString()!;
        Assert.StartsWith(GeneratedSecret.ApiKeyPrefix, apiKey);
        Assert.StartsWith(GeneratedSecret.ClientSecretPrefix, clientSecret);
        Assert.StartsWith(GeneratedSecret.WebhookSecretPrefix, body.GetProperty("webhook_secret").GetString());
        var tenant = body.GetProperty("tenant");
        Assert.Equal("LIVE", tenant.GetProperty("environment").GetString());
        var (tokenStatus, token) = await _operator.TokenAsync(apiKey, tenant.GetProperty("product_id").GetString()!, clientSecret);
        Assert.Equal(200, tokenStatus);
        Assert.Equal(200, (await _operator.ListAccountsAsync(apiKey, tenant.GetProperty("product_id").GetString()!, token!)).Status);

        var (_, read) = await _operator.SendAsync(HttpMethod.Get, $"/operator/tenants/{tenant.GetProperty("id").GetString()}");
        Assert.Equal(body.GetProperty("api_key").GetProperty("id").GetString(), read.GetProperty("api_keys")[0].GetProperty("id").GetString());
        Assert.DoesNotContain(apiKey, read.GetRawText());
        Assert.DoesNotContain(clientSecret, read.GetRawText());
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_a_taken_id_is_409()
    {
        var id = "dup-" + Guid.NewGuid().ToString("N");

        var missing = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { product_id = "p", partner_id = "q" });
        var environment = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { name = "n", product_id = "p", partner_id = "q", environment = "PROD" });
        var badId = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { id = "a|b", name = "n", product_id = "p", partner_id = "q" });
        var unknown = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { name = "n", product_id = "p", partner_id = "q", api_key = "mine" });
        var first = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { id, name = "n", product_id = "p", partner_id = "q" });
        var second = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants", new { id, name = "n", product_id = "p", partner_id = "q" });
        var notFound = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants/no-such-tenant/api-keys");

        Assert.Equal((400, "name"), (missing.Status, missing.Body.GetProperty("field").GetString()));
        Assert.Equal((400, "environment"), (environment.Status, environment.Body.GetProperty("field").GetString()));
        Assert.Equal((400, "id"), (badId.Status, badId.Body.GetProperty("field").GetString()));
        Assert.Equal((400, "api_key"), (unknown.Status, unknown.Body.GetProperty("field").GetString()));
        Assert.Equal((201, 409, 404), (first.Status, second.Status, notFound.Status));
    }

    [Fact]
    public async Task A_third_active_key_is_409()
    {
        var tenant = await _operator.CreateTenantAsync();

        var second = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/api-keys");
        var third = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/api-keys");

        Assert.Equal(201, second.Status);
        Assert.Equal(409, third.Status);
        Assert.Contains("2 active API keys", third.Body.GetProperty("message").GetString());
        Assert.Equal(200, (await _operator.TokenAsync(second.Body.GetProperty("key").GetString()!, tenant.ProductId, tenant.ClientSecret)).Status);
    }

    [Fact]
    public async Task A_revoked_key_and_a_token_issued_under_it_are_refused_at_once_while_the_other_key_works()
    {
        var tenant = await _operator.CreateTenantAsync();
        var keyA = (await _operator.SendAsync(HttpMethod.Get, $"/operator/tenants/{tenant.Id}")).Body.GetProperty("api_keys")[0].GetProperty("id").GetString();
        var keyB = (await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/api-keys")).Body.GetProperty("key").GetString()!;
        var tokenA = (await _operator.TokenAsync(tenant.ApiKey, tenant.ProductId, tenant.ClientSecret)).Token!;
        var tokenB = (await _operator.TokenAsync(keyB, tenant.ProductId, tenant.ClientSecret)).Token!;
        Assert.Equal(200, (await _operator.ListAccountsAsync(tenant.ApiKey, tenant.ProductId, tokenA)).Status); // now cached

        var revoked = await _operator.SendAsync(HttpMethod.Delete, $"/operator/tenants/{tenant.Id}/api-keys/{keyA}");

        Assert.Equal(204, revoked.Status);
        Assert.Equal(401, (await _operator.ListAccountsAsync(tenant.ApiKey, tenant.ProductId, tokenA)).Status);
        Assert.Equal(401, (await _operator.TokenAsync(tenant.ApiKey, tenant.ProductId, tenant.ClientSecret)).Status);
        var withOtherKey = await _operator.ListAccountsAsync(keyB, tenant.ProductId, tokenA);
        Assert.Equal(401, withOtherKey.Status);
        Assert.Contains("revoked", withOtherKey.Body.GetRawText());
        Assert.Equal(200, (await _operator.ListAccountsAsync(keyB, tenant.ProductId, tokenB)).Status);
        Assert.Equal(404, (await _operator.SendAsync(HttpMethod.Delete, $"/operator/tenants/{tenant.Id}/api-keys/{keyA}")).Status);
    }

    [Fact]
    public async Task After_a_client_secret_rotation_the_old_secret_gets_no_token_and_the_new_one_does()
    {
        var tenant = await _operator.CreateTenantAsync();

        var (status, body) = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/client-secret");

        Assert.Equal(200, status);
        var rotated = body.GetProperty("client_secret").GetString()!;
        Assert.StartsWith(GeneratedSecret.ClientSecretPrefix, rotated);
        Assert.Equal(401, (await _operator.TokenAsync(tenant.ApiKey, tenant.ProductId, tenant.ClientSecret)).Status);
        Assert.Equal(200, (await _operator.TokenAsync(tenant.ApiKey, tenant.ProductId, rotated)).Status);
    }

    [Fact]
    public async Task Operator_answers_are_never_cached()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/operator/tenants/none/client-secret");
        request.Headers.Add("x-operator-key", _operator.OperatorKey);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
