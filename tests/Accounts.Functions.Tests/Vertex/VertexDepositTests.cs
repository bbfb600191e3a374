using System.Text.Json;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>Deposits through the signed webhook and the queue, seen as Vertex transactions.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexDepositTests(AppFixture app)
{
    [Fact]
    public async Task The_deposit_lifecycle_shows_as_pending_successful_failed_and_reversed_with_running_balances()
    {
        var session = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        var number = (await session.AccountAsync("get_details", new { account_id = accountId })).Body.GetProperty("account_number").GetString()!;

        await Deposit(session, "pending", "v-1", number, "100.00");
        Assert.Equal(["Pending"], Statuses(await Transactions(session, accountId)));
        await Deposit(session, "settled", "v-1", number, "100.00", events: 2);
        await Deposit(session, "pending", "v-2", number, "7.00");
        await Deposit(session, "rejected", "v-2", number, "7.00", events: 2);
        await Deposit(session, "settled", "v-3", number, "40.50");
        await Deposit(session, "reversed", "v-3", number, "40.50", events: 2);

        var transactions = await Transactions(session, accountId);
        Assert.Equal(["Successful", "Failed", "Reversed", "Successful"], Statuses(transactions));
        Assert.Equal(["100.00", "100.00", "140.50", "100.00"], transactions.Select(t => t.GetProperty("running_balance").GetString()!));
        var reversal = transactions[3];
        Assert.Equal(transactions[2].GetProperty("tx_id").GetString(), reversal.GetProperty("parent_tx_id").GetString());
        Assert.Equal("40.50", reversal.GetProperty("debit").GetString());
        Assert.All(transactions, t => Assert.True(t.GetProperty("verified").GetBoolean()));
        var details = (await session.AccountAsync("get_details", new { account_id = accountId })).Body;
        Assert.Equal(("100.00", "100.00"), (details.GetProperty("balance").GetString(), details.GetProperty("available_balance").GetString()));
    }

    [Fact]
    public async Task A_deposit_in_another_currency_is_rejected_and_shows_as_failed()
    {
        var session = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        var number = (await session.AccountAsync("get_details", new { account_id = accountId })).Body.GetProperty("account_number").GetString()!;

        var events = await Deposit(session, "settled", "v-usd", number, "5.00", "USD");

        Assert.Equal("REJECTED", Assert.Single(events).GetProperty("status").GetString());
        var tx = Assert.Single(await Transactions(session, accountId));
        Assert.Equal(("Failed", "0.00"), (tx.GetProperty("status").GetString(), tx.GetProperty("running_balance").GetString()));
    }

    private async Task<JsonElement[]> Deposit(VertexSession session, string type, string reference, string number, string amount,
        string currency = "ZAR", int events = 1)
    {
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
            DepositWebhook.Event(type, reference, number, amount, currency));
        Assert.True(status == 202, $"{status} {body}");
        return await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference, events);
    }

    private static async Task<JsonElement[]> Transactions(VertexSession session, string accountId) =>
        (await session.AccountAsync("list", new { account_id = accountId })).Body.GetProperty("transactions").EnumerateArray().ToArray();

    private static string[] Statuses(JsonElement[] transactions) => transactions.Select(t => t.GetProperty("status").GetString()!).ToArray();
}
