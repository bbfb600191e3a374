using System.Text.Json;
using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Zoqq.ZoqqAuthTests;

namespace Accounts.Functions.Tests.Zoqq;

/// <summary>
/// Balances, transactions and history. Money arrives as signed deposits through the webhook pipeline, as in
/// production (this dialect has no deposit API of its own).
/// </summary>
[Collection(AppCollection.Name)]
public class ZoqqLedgerTests(AppFixture app)
{
    private const string Path = "/zoqq/api/v1/account";

    [Fact]
    public async Task Balance_is_per_currency_with_the_currencys_decimals()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;
        await CreditAsync(session, id, "r1", "100.50", "SGD");
        await CreditAsync(session, id, "r2", "0.25", "SGD");
        await CreditAsync(session, id, "r3", "5", "SGD", EntryStatus.Pending);

        var response = await session.App.CreateClient().SendAsync(session.Request(HttpMethod.Get, $"{Path}/balance"));
        var text = await response.Content.ReadAsStringAsync();
        var sgd = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("data").EnumerateArray());

        Assert.Equal("SGD", sgd.GetProperty("currency").GetString());
        Assert.Contains("\"available_balance\":100.75", text);
        Assert.Contains("\"pending_amount\":5.00", text);
        Assert.Contains("\"reserved_amount\":0.00", text);
        Assert.Equal(100.75m, sgd.GetProperty("available_balance").GetDecimal());
    }

    [Fact]
    public async Task Balance_has_a_zero_line_for_the_currency_of_an_account_that_received_nothing_yet()
    {
        var session = await ZoqqSession.StartAsync(app);
        await session.OpenAsync();

        var (status, body) = await session.SendAsync(HttpMethod.Get, $"{Path}/balance");

        Assert.Equal(200, status);
        var sgd = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("SGD", sgd.GetProperty("currency").GetString());
        Assert.Equal(0m, sgd.GetProperty("available_balance").GetDecimal());
        Assert.Equal(0m, sgd.GetProperty("pending_amount").GetDecimal());
    }

    [Fact]
    public async Task Transactions_list_the_accounts_entries_newest_first_with_paging()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;
        var other = (await session.OpenAsync()).GetProperty("id").GetString()!;
        for (var i = 1; i <= 5; i++)
        {
            await CreditAsync(session, id, $"r{i}", $"{i}.00", "SGD");
        }

        await CreditAsync(session, other, "elsewhere", "9.00", "SGD");

        var page1 = await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?page=1&size=2", accountId: id);
        var page3 = await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?page=3&size=2", accountId: id);

        Assert.Equal("virtual_accounts transactions details", page1.Body.GetProperty("message").GetString());
        Assert.Equal(new[] { 5m, 4m }, page1.Body.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        Assert.Equal(new[] { 1m }, page3.Body.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        var first = page1.Body.GetProperty("data")[0];
        Assert.Equal(("CREDIT", "SETTLED", "SGD"), (first.GetProperty("type").GetString(), first.GetProperty("status").GetString(),
            first.GetProperty("currency").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$", first.GetProperty("create_time").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("id").GetString()));
        Assert.Equal("deposit r5", first.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Transactions_filter_by_date_window_and_status()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;
        await CreditAsync(session, id, "settled", "1.00", "SGD");
        await CreditAsync(session, id, "pending", "2.00", "SGD", EntryStatus.Pending);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var lastYear = DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd");
        var lastYearEnd = DateTime.UtcNow.AddYears(-1).AddDays(10).ToString("yyyy-MM-dd");

        var inWindow = await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?from_date={today}&to_date={today}", accountId: id);
        var outOfWindow = await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?from_date={lastYear}&to_date={lastYearEnd}", accountId: id);
        var pending = await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?status=PENDING", accountId: id);

        Assert.Equal(2, inWindow.Body.GetProperty("data").GetArrayLength());
        Assert.Equal(0, outOfWindow.Body.GetProperty("data").GetArrayLength());
        Assert.Equal(2m, Assert.Single(pending.Body.GetProperty("data").EnumerateArray()).GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("/transactions?from_date=2025-01-01&to_date=2025-04-30", "31")]
    [InlineData("/transactions?from_date=2025-01-01", "to_date")]
    [InlineData("/transactions?to_date=2025-01-01", "from_date")]
    [InlineData("/transactions?from_date=2025-13-01&to_date=2025-13-02", "from_date")]
    [InlineData("/transactions?page=0", "page")]
    [InlineData("/transactions?size=101", "size")]
    [InlineData("/transactions?status=DONE", "status")]
    [InlineData("/balance/history?from_date=2025-04-01&to_date=2025-04-08", "7")]
    [InlineData("/balance/history?transaction_type=GIFT", "transaction_type")]
    public async Task Bad_ledger_queries_get_400(string query, string mentions)
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;

        var (status, body) = await session.SendAsync(HttpMethod.Get, Path + query, accountId: id);

        AssertError(400, status, body, mentions);
    }

    [Fact]
    public async Task Seven_and_thirty_one_day_windows_are_accepted()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;

        var history = await session.SendAsync(HttpMethod.Get, $"{Path}/balance/history?page=1&size=10&from_date=2025-04-01&to_date=2025-04-07");
        var transactions = await session.SendAsync(HttpMethod.Get,
            $"{Path}/transactions?from_date=2025-04-01T00:00:00Z&to_date=2025-05-01T23:59:59%2B08:00", accountId: id);

        Assert.Equal((200, 200), (history.Status, transactions.Status));
    }

    [Fact]
    public async Task Transactions_of_another_users_account_are_not_found()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;

        var (status, body) = await session.AsUser("intruder").SendAsync(HttpMethod.Get, $"{Path}/transactions", accountId: id);

        AssertError(404, status, body, null);
    }

    [Fact]
    public async Task Balance_history_shows_each_posted_change_with_the_balance_after()
    {
        var session = await ZoqqSession.StartAsync(app);
        var id = (await session.OpenAsync()).GetProperty("id").GetString()!;
        await CreditAsync(session, id, "r1", "60000.00", "SGD");
        await CreditAsync(session, id, "held", "7.00", "SGD", EntryStatus.Pending);
        await CreditAsync(session, id, "r2", "12.86", "SGD");

        var (status, body) = await session.SendAsync(HttpMethod.Get, $"{Path}/balance/history");

        Assert.Equal(200, status);
        Assert.Equal("balance history details", body.GetProperty("message").GetString());
        var rows = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { 12.86m, 60000m }, rows.Select(r => r.GetProperty("amount").GetDecimal()));
        Assert.Equal(new[] { 60012.86m, 60000m }, rows.Select(r => r.GetProperty("balance").GetDecimal()));
        Assert.All(rows, r => Assert.Equal("DEPOSIT", r.GetProperty("source_type").GetString()));
        Assert.All(rows, r => Assert.Equal(0m, r.GetProperty("fee").GetDecimal()));
    }

    private async Task CreditAsync(ZoqqSession session, string accountId, string reference, string amount, string currency,
        EntryStatus status = EntryStatus.Settled)
    {
        var account = await PipelineDeposits.AccountAsync(app.Services, session.Tenant.Id, accountId);
        Assert.Equal(currency, account.Currency);
        await PipelineDeposits.ApplyAsync(app.Services, app.CreateClient(), session.Tenant, account,
            status == EntryStatus.Pending ? "pending" : "settled", reference, amount, narration: $"deposit {reference}");
    }
}
