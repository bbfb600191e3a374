using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>Entities and their KYC/KYB decisions; approval opens the first account exactly once.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexEntityTests(AppFixture app)
{
    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task A_new_entity_is_pending_with_the_fields_sent()
    {
        var session = await StartAsync();

        var (status, body) = await session.PostAsync($"/svc/entity/{session.Partner}/create",
            new { type = "Business", name = "  Acme Trading (Pty) Ltd ", country = "zaf" });

        Assert.Equal(200, status);
        Assert.True(Guid.TryParse(body.GetProperty("entity_id").GetString(), out _));
        Assert.Equal(("business", "Acme Trading (Pty) Ltd", "ZAF", "pending"), (body.GetProperty("type").GetString(),
            body.GetProperty("name").GetString(), body.GetProperty("country").GetString(), body.GetProperty("status").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", body.GetProperty("created_at").GetString());
    }

    [Theory]
    [InlineData("""{"type":"trust","name":"A","country":"ZAF"}""", "type")]
    [InlineData("""{"name":"A","country":"ZAF"}""", "type")]
    [InlineData("""{"type":"personal","name":" ","country":"ZAF"}""", "name")]
    [InlineData("""{"type":"personal","name":"A","country":"ZA"}""", "country")]
    [InlineData("""{"type":"personal","name":"A","country":"XYZ"}""", "country")]
    [InlineData("""{"type":"personal","name":"A"}""", "country")]
    [InlineData("""{"type":"personal","name":"A","country":"ZAF","kyc":true}""", "kyc")]
    [InlineData("""{"type":"personal","name":5,"country":"ZAF"}""", "name")]
    [InlineData("""not json""", "body")]
    public async Task Bad_entity_input_is_400_naming_the_field(string json, string field)
    {
        var session = await StartAsync();

        var (status, body) = await session.PostAsync($"/svc/entity/{session.Partner}/create", json);

        AssertError(400, status, body, "invalid_request", field);
    }

    [Fact]
    public async Task Approval_opens_the_first_account_in_the_entitys_country()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync(country: "KEN");

        var (status, body) = await session.VerifyAsync(entityId, "approved");
        var accounts = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");

        Assert.Equal((200, "approved"), (status, body.GetProperty("status").GetString()));
        var account = Assert.Single(accounts.EnumerateArray());
        Assert.Matches("^71[0-9]{8}$", account.GetProperty("account_number").GetString());
        Assert.Equal(("KES", "KEN"), (account.GetProperty("metadata").GetProperty("currency").GetString(),
            account.GetProperty("metadata").GetProperty("country").GetString()));
    }

    [Fact]
    public async Task Approving_twice_or_concurrently_opens_one_first_account()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync(type: "business");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => session.VerifyAsync(entityId, "approved")));
        var again = await session.VerifyAsync(entityId, "approved");
        var accounts = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");

        Assert.All(concurrent.Append(again), r => Assert.Equal(200, r.Status));
        Assert.Equal(1, accounts.GetArrayLength());
    }

    [Fact]
    public async Task A_rejected_entity_gets_no_account_and_the_decision_is_final()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync(type: "business");

        var rejected = await session.VerifyAsync(entityId, "rejected");
        var rejectedAgain = await session.VerifyAsync(entityId, "rejected");
        var approve = await session.VerifyAsync(entityId, "approved");
        var accounts = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");
        var create = await session.AccountAsync("create", new { entity_id = entityId });

        Assert.Equal(("rejected", 200), (rejected.Body.GetProperty("status").GetString(), rejectedAgain.Status));
        AssertError(409, approve.Status, approve.Body, "conflict", mentions: "KYB decision is final");
        Assert.Equal(0, accounts.GetArrayLength());
        AssertError(400, create.Status, create.Body, "invalid_request", "entity_id", "has not passed KYB verification (status rejected)");
    }

    [Theory]
    [InlineData("""{"entity_id":"not-a-uuid","status":"approved"}""", "entity_id")]
    [InlineData("""{"status":"approved"}""", "entity_id")]
    [InlineData("""{"entity_id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","status":"pending"}""", "status")]
    [InlineData("""{"entity_id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301"}""", "status")]
    public async Task Bad_verify_input_is_400_naming_the_field(string json, string field)
    {
        var session = await StartAsync();

        var (status, body) = await session.PostAsync($"/svc/entity/{session.Partner}/verify", json);

        AssertError(400, status, body, "invalid_request", field);
    }

    [Fact]
    public async Task Verifying_an_unknown_entity_is_404()
    {
        var session = await StartAsync();
        var unknown = Guid.NewGuid().ToString();

        var (status, body) = await session.VerifyAsync(unknown, "approved");

        AssertError(404, status, body, "not_found", mentions: $"entity {unknown} was not found");
    }
}
