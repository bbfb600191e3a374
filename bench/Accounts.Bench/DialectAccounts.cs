namespace Accounts.Bench;

/// <summary>One account opened in a dialect over HTTP, and how that dialect reads it and lists its kind.</summary>
public sealed record DialectAccount(string Dialect, string Id, string Number, Func<HttpRequestMessage> Get, Func<HttpRequestMessage> ListPage);

/// <summary>Opens accounts the way each dialect's client does (seed request bodies), for the read and list scenarios.</summary>
public static class DialectAccounts
{
    public const string ZoqqUser = "bench-user";

    public static Task<DialectAccount> ZoqqAsync(BenchTenant t) => ZoqqAsync(t, ZoqqUser);

    public static async Task<DialectAccount> ZoqqAsync(BenchTenant t, string user)
    {
        var created = await t.SendAsync(HttpMethod.Post, "/zoqq/api/v1/account", new
        {
            type = "virtual_account", country = "SG", currency = "SGD", label = "Bench",
            required_features = new[] { new { currency = "SGD", transfer_method = "LOCAL" } },
        }, expect: 200, userId: user);
        var account = created["data"]![0]!;
        var id = account["id"]!.GetValue<string>();
        return new DialectAccount("Zoqq", id, account["account_number"]!.GetValue<string>(),
            () => t.Request(HttpMethod.Get, $"/zoqq/api/v1/account?id={id}", userId: user),
            () => t.Request(HttpMethod.Get, "/zoqq/api/v1/account?status=ACTIVE&page=1&size=10", userId: user));
    }

    /// <summary>A Zoqq user's available SGD balance (GET balance: one wallet book per user).</summary>
    public static async Task<decimal> ZoqqBalanceAsync(BenchTenant t, string user) =>
        (await t.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance", userId: user))["data"]!.AsArray()
            .Where(b => b!["currency"]!.GetValue<string>() == "SGD")
            .Sum(b => b!["available_balance"]!.GetValue<decimal>());

    public static async Task<DialectAccount> InternalAsync(BenchTenant t, string name = "Bench")
    {
        var account = await t.SendAsync(HttpMethod.Post, "/accounts", new
        {
            identityId = "069b63ba-a8cd-4b0e-bb2f-ffc7d71f2dac", type = "CHECKING", custody = AppProcess.Custodian,
            currency = "PKR", name,
        }, expect: 201);
        var id = account["id"]!.GetValue<string>();
        return new DialectAccount("Internal", id, account["accountNumber"]!.GetValue<string>(),
            () => t.Request(HttpMethod.Get, $"/accounts/{id}"),
            () => t.Request(HttpMethod.Get, "/accounts?limit=10"));
    }

    public static async Task<DialectAccount> NubanAsync(BenchTenant t)
    {
        var created = await t.SendAsync(HttpMethod.Post, "/v1/accounts/static", new
        {
            email_address = "bench@example.com", first_name = "Bench", last_name = "Holder", phone_number = "08012345678",
        }, expect: 201);
        var number = created["data"]!["account_number"]!.GetValue<string>();
        var found = await t.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{number}");
        var id = found["data"]!["id"]?.GetValue<string>() ?? number;
        return new DialectAccount("Nuban", id, number,
            () => t.Request(HttpMethod.Get, $"/v1/accounts/static/{number}"),
            () => t.Request(HttpMethod.Get, "/v1/accounts?account_type=STATIC&page=1&limit=10"));
    }

    public static async Task<DialectAccount> VertexAsync(BenchTenant t)
    {
        var entity = await t.SendAsync(HttpMethod.Post, $"/svc/entity/{t.PartnerId}/create",
            new { type = "business", name = "Bench Trading (Pty) Ltd", country = "ZAF" });
        var entityId = entity["entity_id"]!.GetValue<string>();
        await t.SendAsync(HttpMethod.Post, $"/svc/entity/{t.PartnerId}/verify", new { entity_id = entityId, status = "approved" });
        var accounts = await t.SendAsync(HttpMethod.Post, $"/svc/account/{t.PartnerId}/get_by_entity", new { entity_id = entityId });
        var first = accounts["accounts"]![0]!;
        var id = first["account_id"]!.GetValue<string>();
        return new DialectAccount("Vertex", id, first["account_number"]!.GetValue<string>(),
            () => t.Request(HttpMethod.Post, $"/svc/account/{t.PartnerId}/get_details", new { account_id = id }),
            () => t.Request(HttpMethod.Post, $"/svc/account/{t.PartnerId}/get_by_entity", new { entity_id = entityId, limit = 10 }));
    }

    /// <summary>The first page (100 transactions) of an account's Vertex transaction list (seed 004 "list").</summary>
    public static HttpRequestMessage VertexTransactions(BenchTenant t, string accountId) =>
        t.Request(HttpMethod.Post, $"/svc/account/{t.PartnerId}/list", new { account_id = accountId, limit = 100 });
}
