using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// A partner reaches only its own entities, accounts and transactions, and cannot tell whether another partner's
/// exist: a foreign path partner id or a foreign id gets exactly the answer an unknown id gets.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class VertexIsolationTests(AppFixture app)
{
    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task Another_partners_ids_answer_exactly_like_unknown_ids()
    {
        var owner = await StartAsync();
        var intruder = await StartAsync();
        var (entityId, accountId) = await owner.ApprovedEntityAsync();
        var entry = await owner.CreditAsync(accountId, "dep-1", "10.00");
        var txId = $"{accountId}.{entry.Id}";
        var requests = new (string Operation, object Body, string Message)[]
        {
            ("create", new { entity_id = entityId }, $"entity {entityId} was not found"),
            ("get_by_entity", new { entity_id = entityId }, $"entity {entityId} was not found"),
            ("get_details", new { account_id = accountId }, $"account {accountId} was not found"),
            ("list", new { account_id = accountId }, $"account {accountId} was not found"),
            ("get_transaction", new { tx_id = txId }, $"transaction {txId} was not found"),
        };

        foreach (var (operation, body, message) in requests)
        {
            var expected = $$$"""{"error":{"code":"not_found","message":"{{{message}}}","field":null}}""";
            var ownPath = await intruder.AccountAsync(operation, body);
            var foreignPath = await intruder.PostAsync($"/svc/account/{owner.Partner}/{operation}", body);

            Assert.Equal((404, expected), (ownPath.Status, ownPath.Body.GetRawText()));
            Assert.Equal((404, expected), (foreignPath.Status, foreignPath.Body.GetRawText()));
        }

        var owned = await owner.AccountAsync("get_transaction", new { tx_id = txId });
        Assert.Equal(200, owned.Status);
    }

    [Fact]
    public async Task Another_partners_entity_cannot_be_verified_or_created_under_its_path()
    {
        var owner = await StartAsync();
        var intruder = await StartAsync();
        var entityId = await owner.CreateEntityAsync();

        var verify = await intruder.VerifyAsync(entityId, "approved");
        var foreignVerify = await intruder.PostAsync($"/svc/entity/{owner.Partner}/verify", new { entity_id = entityId, status = "approved" });
        var foreignCreate = await intruder.PostAsync($"/svc/entity/{owner.Partner}/create", new { type = "personal", name = "X", country = "ZAF" });
        var accounts = (await owner.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");

        AssertError(404, verify.Status, verify.Body, "not_found", mentions: $"entity {entityId} was not found");
        Assert.Equal(verify.Body.GetRawText(), foreignVerify.Body.GetRawText());
        AssertError(404, foreignCreate.Status, foreignCreate.Body, "not_found");
        Assert.Equal(0, accounts.GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("wrong-key")]
    public async Task A_missing_or_unknown_api_key_is_401(string apiKey)
    {
        var session = await StartAsync();

        var (status, body) = await session.PostAsync($"/svc/account/{session.Partner}/get_details",
            new { account_id = Guid.NewGuid().ToString() }, apiKey);

        AssertError(401, status, body, "unauthorized", mentions: "x-api-key");
    }
}
