using System.Text.Json;
using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Vertex;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>list a page at a time: limit and cursor, every transaction exactly once, and refusals naming the field.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexTransactionPagingTests(AppFixture app)
{
    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task Paging_with_the_cursor_yields_every_transaction_once_in_order_across_the_deposit_lifecycle()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(accountId, "p-1", "10.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "p-1", "10.00");
        await session.CreditAsync(accountId, "p-2", "2.00", EntryStatus.Pending);
        var settled = await session.CreditAsync(accountId, "p-3", "3.00");
        await session.FailAsync(accountId, "p-2", "2.00");
        await session.ReverseAsync(accountId, settled);
        await session.CreditAsync(accountId, "p-4", "4.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "p-5", "5.00");
        var rows = new VertexBookRows(session, accountId);

        var whole = await rows.AllPagesAsync(limit: 1000);
        var byTwo = await rows.AllPagesAsync(limit: 2);
        var byOne = await rows.AllPagesAsync(limit: 1);

        Assert.Equal(["p-1", "p-3", "p-2", "p-3", "p-4", "p-5"], whole.Select(t => Text(t, "ref")));
        Assert.Equal(["Successful", "Reversed", "Failed", "Successful", "Pending", "Successful"], whole.Select(t => Text(t, "status")));
        Assert.All(whole, t => Assert.True(t.GetProperty("verified").GetBoolean()));
        Assert.Equal(whole.Select(t => t.GetRawText()), byTwo.Select(t => t.GetRawText()));
        Assert.Equal(whole.Select(t => t.GetRawText()), byOne.Select(t => t.GetRawText()));
    }

    [Fact]
    public async Task Pages_of_a_long_book_cross_checkpoints_and_the_last_one_has_no_next_cursor()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var rows = new VertexBookRows(session, accountId);
        var entries = await rows.PostSettledAsync(230);

        var first = (await session.AccountAsync("list", new { account_id = accountId })).Body;
        var paged = await rows.AllPagesAsync(limit: 70);

        Assert.Equal(100, first.GetProperty("transactions").GetArrayLength());
        Assert.Equal(JsonValueKind.String, first.GetProperty("next_cursor").ValueKind);
        Assert.Equal(entries.Select(e => $"{accountId}.{e.Id}"), paged.Select(t => Text(t, "tx_id")));
        Assert.All(paged, t => Assert.True(t.GetProperty("verified").GetBoolean()));
        Assert.Equal("230.00", Text(paged[^1], "running_balance"));
        var deep = (await session.AccountAsync("get_transaction", new { tx_id = $"{accountId}.{entries[149].Id}" })).Body.GetProperty("transaction");
        Assert.Equal(paged[149].GetRawText(), deep.GetRawText());
    }

    [Fact]
    public async Task An_account_without_transactions_has_an_empty_page_and_no_next_cursor()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();

        var (status, body) = await session.AccountAsync("list", new { account_id = accountId, limit = 5 });

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("transactions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("""{"limit": 0}""")]
    [InlineData("""{"limit": 1001}""")]
    [InlineData("""{"limit": -5}""")]
    [InlineData("""{"limit": "ten"}""")]
    [InlineData("""{"limit": 2.5}""")]
    public async Task A_limit_outside_1_to_1000_is_refused_naming_limit(string fields)
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();

        var (status, body) = await session.AccountAsync("list", With(accountId, fields));

        AssertError(400, status, body, "invalid_request", field: "limit");
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("")]
    [InlineData("MTIz")]
    public async Task A_cursor_that_is_not_one_of_ours_is_refused_naming_cursor(string cursor)
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();

        var (status, body) = await session.AccountAsync("list", new { account_id = accountId, cursor });

        AssertError(400, status, body, "invalid_request", field: "cursor");
    }

    [Fact]
    public async Task A_cursor_of_another_account_or_past_the_end_is_refused_naming_cursor()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var (_, otherId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(otherId, "o-1", "1.00");
        await session.CreditAsync(otherId, "o-2", "1.00");
        var otherCursor = (await session.AccountAsync("list", new { account_id = otherId, limit = 1 })).Body.GetProperty("next_cursor").GetString();

        var (status, body) = await session.AccountAsync("list", new { account_id = accountId, cursor = otherCursor });
        var (pastStatus, pastBody) = await session.AccountAsync("list", new { account_id = accountId, cursor = VertexCursor.Of(accountId, 5) });

        AssertError(400, status, body, "invalid_request", field: "cursor", mentions: "another account");
        AssertError(400, pastStatus, pastBody, "invalid_request", field: "cursor");
    }

    private static string With(string accountId, string fields) =>
        $$"""{"account_id": "{{accountId}}", {{fields.Trim('{', '}')}}}""";

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
