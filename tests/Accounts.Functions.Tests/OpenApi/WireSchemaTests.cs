using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Operator;
using Accounts.Functions.Tests.Vertex;
using Accounts.Functions.Tests.Zoqq;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>
/// Real answers of every dialect, checked against the schema the served document gives for that route and status:
/// field names, types, required fields and no undocumented field. A schema that drifts from the wire fails here.
/// </summary>
public sealed class WireSchemaTests(DocsAppFixture app) : IClassFixture<DocsAppFixture>
{
    [Fact]
    public async Task Zoqq_and_deposit_answers_match_their_documents()
    {
        var zoqq = await ZoqqSession.StartAsync(app);
        var created = await zoqq.SendAsync(HttpMethod.Post, "/zoqq/api/v1/account", ZoqqSession.SgdAccount());
        await Expect("zoqq", "POST", "/zoqq/api/v1/account", 200, created);
        var account = created.Body.GetProperty("data")[0];
        var id = account.GetProperty("id").GetString()!;

        // A deposit, so transactions and history have items to check.
        using var client = app.CreateClient();
        var reference = "schema-" + Guid.NewGuid().ToString("N")[..8];
        var accepted = await DepositWebhook.SendAsync(client, zoqq.Tenant,
            DepositWebhook.Event("settled", reference, account.GetProperty("account_number").GetString()!, "10.50"));
        await Expect("deposits", "POST", "/webhooks/deposits", 202, accepted);
        await DepositWebhook.WaitProcessedAsync(client, zoqq.Tenant, reference);
        await Expect("deposits", "GET", "/webhooks/deposits/{reference}", 200,
            await JsonHttp.SendAsync(client, Keyed(HttpMethod.Get, "/webhooks/deposits/" + reference, zoqq.Tenant.ApiKey)));
        await Expect("deposits", "GET", "/webhooks/dead-letters/deposits", 200,
            await JsonHttp.SendAsync(client, Keyed(HttpMethod.Get, "/webhooks/dead-letters/deposits", zoqq.Tenant.ApiKey)));
        await Expect("deposits", "POST", "/webhooks/deposits", 400,
            await DepositWebhook.SendAsync(client, zoqq.Tenant, new { @event = "deposit.settled" }));

        await Expect("zoqq", "GET", "/zoqq/api/v1/account", 200, await zoqq.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account"));
        await Expect("zoqq", "GET", "/zoqq/api/v1/account/balance", 200, await zoqq.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance"));
        var transactions = await zoqq.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/transactions", accountId: id);
        Assert.NotEqual(0, transactions.Body.GetProperty("data").GetArrayLength());
        await Expect("zoqq", "GET", "/zoqq/api/v1/account/transactions", 200, transactions);
        var history = await zoqq.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance/history");
        Assert.NotEqual(0, history.Body.GetProperty("data").GetArrayLength());
        await Expect("zoqq", "GET", "/zoqq/api/v1/account/balance/history", 200, history);
        await Expect("zoqq", "PATCH", "/zoqq/api/v1/account", 200,
            await zoqq.SendAsync(HttpMethod.Patch, "/zoqq/api/v1/account", new { label = "renamed" }, accountId: id));
        await Expect("zoqq", "POST", "/zoqq/api/v1/account", 400,
            await zoqq.SendAsync(HttpMethod.Post, "/zoqq/api/v1/account", new { type = "virtual_account" }));
        var wrongKey = zoqq.Request(HttpMethod.Get, "/zoqq/api/v1/account");
        wrongKey.Headers.Remove("x-api-key");
        wrongKey.Headers.Add("x-api-key", "not-a-key");
        await Expect("zoqq", "GET", "/zoqq/api/v1/account", 401, await zoqq.SendAsync(wrongKey));

        var token = new HttpRequestMessage(HttpMethod.Post, "/zoqq/api/v1/auth/token") { Content = JsonHttp.Content(new { client_secret = zoqq.Tenant.ClientSecret }) };
        token.Headers.Add("x-api-key", zoqq.Tenant.ApiKey);
        token.Headers.Add("x-product-id", zoqq.Tenant.ProductId);
        await Expect("zoqq", "POST", "/zoqq/api/v1/auth/token", 200, await JsonHttp.SendAsync(client, token));
        await Expect("zoqq", "DELETE", "/zoqq/api/v1/account", 200,
            await zoqq.SendAsync(HttpMethod.Delete, "/zoqq/api/v1/account", accountId: id));
    }

    [Fact]
    public async Task Nuban_answers_match_their_document()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services, "Shop", "SANDBOX", idPrefix: "merchant-");
        async Task<(int, JsonElement)> Send(HttpMethod method, string path, object? body = null)
        {
            var request = Keyed(method, path, tenant.ApiKey, "X-API-Key");
            request.Content = body is null ? null : JsonHttp.Content(body);
            return await JsonHttp.SendAsync(app.CreateClient(), request);
        }

        var phone = "080" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var created = await Send(HttpMethod.Post, "/v1/accounts/static",
            new { email_address = $"u{Guid.NewGuid():N}@example.com", first_name = "Liman", last_name = "Dauda", phone_number = phone });
        await Expect("nuban", "POST", "/v1/accounts/static", 201, created);
        var number = created.Item2.GetProperty("data").GetProperty("account_number").GetString();
        await Expect("nuban", "GET", "/v1/accounts/static/{account_number}", 200, await Send(HttpMethod.Get, "/v1/accounts/static/" + number));
        var dynamic = await Send(HttpMethod.Post, "/v1/accounts/dynamic", new { amount = 100.5m, reference = "r-" + Guid.NewGuid().ToString("N"), duration_in_minutes = 30 });
        await Expect("nuban", "POST", "/v1/accounts/dynamic", 201, dynamic);
        var dynamicNumber = dynamic.Item2.GetProperty("data").GetProperty("account_number").GetString();
        await Expect("nuban", "GET", "/v1/accounts/dynamic/{account_number}", 200, await Send(HttpMethod.Get, "/v1/accounts/dynamic/" + dynamicNumber));
        await Expect("nuban", "GET", "/v1/accounts", 200, await Send(HttpMethod.Get, "/v1/accounts"));
        await Expect("nuban", "GET", "/v1/accounts/static/{account_number}", 404, await Send(HttpMethod.Get, "/v1/accounts/static/0000000000"));
        await Expect("nuban", "POST", "/v1/accounts/static/close", 200,
            await Send(HttpMethod.Post, "/v1/accounts/static/close", new { account_number = number, note = "done" }));
    }

    [Fact]
    public async Task Internal_answers_match_their_document()
    {
        var session = await Internal.InternalSession.StartAsync(app);
        var created = await session.SendAsync(HttpMethod.Post, "/accounts", Internal.InternalSession.AccountBody());
        await Expect("internal", "POST", "/accounts", 201, created);
        var id = created.Body.GetProperty("id").GetString();
        await Expect("internal", "GET", "/accounts/{id}", 200, await session.SendAsync(HttpMethod.Get, "/accounts/" + id));
        await Expect("internal", "GET", "/accounts", 200, await session.SendAsync(HttpMethod.Get, "/accounts"));
        await Expect("internal", "PATCH", "/accounts/{id}", 200, await session.SendAsync(HttpMethod.Patch, "/accounts/" + id, new { name = "Renamed" }));
        await Expect("internal", "POST", "/accounts", 400, await session.SendAsync(HttpMethod.Post, "/accounts", new { name = "x" }));
    }

    [Fact]
    public async Task Vertex_and_operator_answers_match_their_documents()
    {
        var vertex = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var partner = vertex.Partner;
        var entity = await vertex.PostAsync($"/svc/entity/{partner}/create", new { type = "personal", name = "Thandi Nkosi", country = "ZAF" });
        await Expect("vertex", "POST", "/svc/entity/{partner_id}/create", 200, entity);
        var entityId = entity.Body.GetProperty("entity_id").GetString();
        await Expect("vertex", "POST", "/svc/entity/{partner_id}/verify", 200,
            await vertex.PostAsync($"/svc/entity/{partner}/verify", new { entity_id = entityId, status = "approved" }));
        var accounts = await vertex.AccountAsync("get_by_entity", new { entity_id = entityId });
        await Expect("vertex", "POST", "/svc/account/{partner_id}/get_by_entity", 200, accounts);
        var accountId = accounts.Body.GetProperty("accounts")[0].GetProperty("account_id").GetString();
        await Expect("vertex", "POST", "/svc/account/{partner_id}/get_details", 200, await vertex.AccountAsync("get_details", new { account_id = accountId }));
        await vertex.CreditAsync(accountId!, "schema-credit", "5.00");
        var list = await vertex.AccountAsync("list", new { account_id = accountId });
        await Expect("vertex", "POST", "/svc/account/{partner_id}/list", 200, list);
        var txId = list.Body.GetProperty("transactions")[0].GetProperty("tx_id").GetString();
        await Expect("vertex", "POST", "/svc/account/{partner_id}/get_transaction", 200, await vertex.AccountAsync("get_transaction", new { tx_id = txId }));
        await Expect("vertex", "POST", "/svc/account/{partner_id}/create", 200, await vertex.AccountAsync("create", new { entity_id = entityId }));
        await Expect("vertex", "POST", "/svc/account/{partner_id}/{operation}", 404, await vertex.AccountAsync("nope", new { }));

        var operators = new OperatorClient(app.Services, app.CreateClient);
        var tenant = await operators.SendAsync(HttpMethod.Post, "/operator/tenants",
            new { name = "Schema", product_id = "p-" + Guid.NewGuid().ToString("N")[..8], partner_id = "q-" + Guid.NewGuid().ToString("N")[..8] });
        await Expect("operator", "POST", "/operator/tenants", 201, tenant);
        var tenantId = tenant.Body.GetProperty("tenant").GetProperty("id").GetString();
        await Expect("operator", "GET", "/operator/tenants/{tenantId}", 200, await operators.SendAsync(HttpMethod.Get, "/operator/tenants/" + tenantId));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/api-keys", 201,
            await operators.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenantId}/api-keys"));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/client-secret", 200,
            await operators.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenantId}/client-secret"));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/webhook-secret", 200,
            await operators.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenantId}/webhook-secret"));
        await Expect("operator", "POST", "/operator/tenants", 400, await operators.SendAsync(HttpMethod.Post, "/operator/tenants", new { name = "x" }));
    }

    [Fact]
    public async Task Notification_operator_answers_match_the_operator_document()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services, "Hooks", "SANDBOX", idPrefix: "merchant-");
        var operators = new OperatorClient(app.Services, app.CreateClient);
        var endpoints = $"/operator/tenants/{tenant.Id}/webhook-endpoints";

        // A public name (never reached here): the app under test allows no local http receiver, and only the log is checked.
        var created = await operators.SendAsync(HttpMethod.Post, endpoints, new { url = "https://hooks.example.invalid/accounts", event_types = new[] { "account.created" } });
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/webhook-endpoints", 201, created);
        var endpoint = $"{endpoints}/{created.Body.GetProperty("endpoint").GetProperty("id").GetString()}";
        await Expect("operator", "GET", "/operator/tenants/{tenantId}/webhook-endpoints", 200, await operators.SendAsync(HttpMethod.Get, endpoints));
        await Expect("operator", "PATCH", "/operator/tenants/{tenantId}/webhook-endpoints/{endpointId}", 200,
            await operators.SendAsync(HttpMethod.Patch, endpoint, new { event_types = new[] { "account.created", "account.closed" } }));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/webhook-endpoints/{endpointId}/secret", 200,
            await operators.SendAsync(HttpMethod.Post, endpoint + "/secret"));
        await Expect("operator", "GET", "/operator/tenants/{tenantId}/webhook-endpoints/{endpointId}", 200, await operators.SendAsync(HttpMethod.Get, endpoint));

        // An account opened through the Nuban routes is an account.created event: the log then has an item to check.
        var request = Keyed(HttpMethod.Post, "/v1/accounts/static", tenant.ApiKey, "X-API-Key");
        request.Content = JsonHttp.Content(new
        {
            email_address = $"u{Guid.NewGuid():N}@example.com", first_name = "Ada", last_name = "Obi", phone_number = "080" + Random.Shared.NextInt64(10_000_000, 99_999_999),
        });
        var opened = await JsonHttp.SendAsync(app.CreateClient(), request);
        Assert.True(opened.Status == 201, $"{opened.Status} {opened.Body}");
        var deliveries = await operators.SendAsync(HttpMethod.Get, endpoint + "/deliveries");
        for (var wait = Stopwatch.StartNew(); deliveries.Body.GetProperty("deliveries").GetArrayLength() == 0 && wait.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(200);
            deliveries = await operators.SendAsync(HttpMethod.Get, endpoint + "/deliveries");
        }

        Assert.NotEqual(0, deliveries.Body.GetProperty("deliveries").GetArrayLength());
        await Expect("operator", "GET", "/operator/tenants/{tenantId}/webhook-endpoints/{endpointId}/deliveries", 200, deliveries);
        var eventPath = $"/operator/tenants/{tenant.Id}/notification-events/{deliveries.Body.GetProperty("deliveries")[0].GetProperty("event_id").GetString()}";
        await Expect("operator", "GET", "/operator/tenants/{tenantId}/notification-events/{eventId}", 200, await operators.SendAsync(HttpMethod.Get, eventPath));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/notification-events/{eventId}/resend", 202,
            await operators.SendAsync(HttpMethod.Post, eventPath + "/resend"));
        await Expect("operator", "GET", "/operator/tenants/{tenantId}/notification-events/{eventId}", 404,
            await operators.SendAsync(HttpMethod.Get, $"/operator/tenants/{tenant.Id}/notification-events/evt_unknown"));
        await Expect("operator", "POST", "/operator/tenants/{tenantId}/webhook-endpoints", 400,
            await operators.SendAsync(HttpMethod.Post, endpoints, new { url = "http://10.0.0.1/hook" }));
        Assert.Equal(204, (await operators.SendAsync(HttpMethod.Delete, endpoint)).Status);
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string key, string header = "x-api-key")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(header, key);
        return request;
    }

    private async Task Expect(string document, string method, string route, int status, (int Status, JsonElement Body) response)
    {
        Assert.True(response.Status == status, $"{method} {route}: expected {status}, got {response.Status} {response.Body}");
        var schema = await app.ResponseSchemaAsync(document, method, route, status);
        SchemaMatch.Assert(schema, JsonNode.Parse(response.Body.GetRawText()), $"{method} {route} {status}");
    }
}
