using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Zoqq.ZoqqAuthTests;

namespace Accounts.Functions.Tests.Zoqq;

[Collection(AppCollection.Name)]
public class ZoqqLifecycleTests(AppFixture app)
{
    private const string Path = "/zoqq/api/v1/account";

    [Fact]
    public async Task Updating_changes_the_label_only()
    {
        var session = await ZoqqSession.StartAsync(app);
        var account = await session.OpenAsync();
        var id = account.GetProperty("id").GetString();

        var (status, body) = await session.SendAsync(HttpMethod.Patch, Path, new { label = "SomeChangesForUpdate" }, accountId: id);

        Assert.Equal(200, status);
        Assert.Equal("virtual_account updated successfully", body.GetProperty("message").GetString());
        var updated = body.GetProperty("data")[0];
        Assert.Equal("SomeChangesForUpdate", updated.GetProperty("label").GetString());
        Assert.Equal(account.GetProperty("account_number").GetString(), updated.GetProperty("account_number").GetString());
    }

    [Theory]
    [InlineData("""{"label":"x","currency":"USD"}""", "currency")]
    [InlineData("""{"currency":"SGD"}""", "label")]
    [InlineData("""{"label":"x","nickname":"y"}""", "nickname")]
    public async Task An_update_that_changes_more_than_the_label_is_refused(string json, string field)
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString();

        var (status, body) = await session.SendAsync(HttpMethod.Patch, Path, json, accountId: id);

        AssertError(400, status, body, field);
    }

    [Fact]
    public async Task Update_and_close_require_x_account_id()
    {
        var session = await ZoqqSession.StartAsync(app);

        var update = await session.SendAsync(HttpMethod.Patch, Path, new { label = "x" });
        var close = await session.SendAsync(HttpMethod.Delete, Path);

        AssertError(400, update.Status, update.Body, "x-account-id");
        AssertError(400, close.Status, close.Body, "x-account-id");
    }

    [Fact]
    public async Task Closing_is_permanent()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString();

        var close = await session.SendAsync(HttpMethod.Delete, Path, accountId: id);
        var (_, got) = await session.SendAsync(HttpMethod.Get, $"{Path}?id={id}");
        var update = await session.SendAsync(HttpMethod.Patch, Path, new { label = "again" }, accountId: id);
        var closeAgain = await session.SendAsync(HttpMethod.Delete, Path, accountId: id);

        Assert.Equal(200, close.Status);
        Assert.Equal("virtual_account closed successfully", close.Body.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, close.Body.GetProperty("data").ValueKind);
        Assert.Equal("CLOSED", got.GetProperty("data")[0].GetProperty("status").GetString());
        AssertError(409, update.Status, update.Body, "closed");
        AssertError(409, closeAgain.Status, closeAgain.Body, "closed");
    }

    [Fact]
    public async Task A_replayed_close_returns_the_first_answer()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();

        var first = await session.SendAsync(HttpMethod.Delete, Path, accountId: id, requestId: key);
        var replay = await session.SendAsync(HttpMethod.Delete, Path, accountId: id, requestId: key);

        Assert.Equal((200, 200), (first.Status, replay.Status));
        Assert.Equal(first.Body.GetRawText(), replay.Body.GetRawText());
    }

    [Fact]
    public async Task A_deposit_to_a_closed_account_is_refused()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;
        await session.SendAsync(HttpMethod.Delete, Path, accountId: id);
        var account = await PipelineDeposits.AccountAsync(app.Services, session.Tenant.Id, id);

        var refused = await PipelineDeposits.SendAsync(app.CreateClient(), session.Tenant, account, "settled", "dep-1", "1.00");

        Assert.Equal("REJECTED", refused.GetProperty("status").GetString());
        Assert.Contains("closed", refused.GetProperty("reason").GetString());
        var (_, balance) = await session.SendAsync(HttpMethod.Get, $"{Path}/balance");
        Assert.Equal(0m, balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal());
    }
}
