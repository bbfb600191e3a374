using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>Deposits through the webhook and queue, seen through the Zoqq dialect.</summary>
[Collection(AppCollection.Name)]
public class DepositLifecycleHttpTests(AppFixture app)
{
    private const string Path = "/zoqq/api/v1/account";

    [Fact]
    public async Task A_settled_deposit_shows_in_balance_transactions_and_history()
    {
        var (session, id, number) = await OpenAsync();

        await Deposit(session, "settled", "dep-1", number, "100.50");

        var balance = await Balance(session);
        var transactions = await Transactions(session, id);
        var (_, history) = await session.SendAsync(HttpMethod.Get, $"{Path}/balance/history");
        Assert.Equal((100.50m, 0m), balance);
        var tx = Assert.Single(transactions);
        Assert.Equal(("CREDIT", "SETTLED", 100.50m), (tx.GetProperty("type").GetString(), tx.GetProperty("status").GetString(), tx.GetProperty("amount").GetDecimal()));
        Assert.Equal("settled dep-1", tx.GetProperty("description").GetString());
        var change = Assert.Single(history.GetProperty("data").EnumerateArray());
        Assert.Equal(("DEPOSIT", 100.50m, 100.50m), (change.GetProperty("source_type").GetString(), change.GetProperty("amount").GetDecimal(),
            change.GetProperty("balance").GetDecimal()));
    }

    [Fact]
    public async Task Pending_then_settled_shows_one_settled_transaction_and_no_pending_left()
    {
        var (session, id, number) = await OpenAsync();

        await Deposit(session, "pending", "dep-2", number, "40.00");
        Assert.Equal((0m, 40m), await Balance(session));
        Assert.Equal("PENDING", Assert.Single(await Transactions(session, id)).GetProperty("status").GetString());
        await Deposit(session, "settled", "dep-2", number, "40.00", events: 2);

        Assert.Equal((40m, 0m), await Balance(session));
        Assert.Equal("SETTLED", Assert.Single(await Transactions(session, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_late_pending_after_settlement_changes_nothing_and_is_recorded_as_ignored()
    {
        var (session, id, number) = await OpenAsync();

        await Deposit(session, "settled", "dep-3", number, "5.00");
        var events = await Deposit(session, "pending", "dep-3", number, "5.00", events: 2);

        Assert.Equal((5m, 0m), await Balance(session));
        Assert.Single(await Transactions(session, id));
        var pending = events.Single(e => e.GetProperty("event").GetString() == "deposit.pending");
        Assert.Equal("IGNORED", pending.GetProperty("status").GetString());
        Assert.Contains("already moved on", pending.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Pending_then_rejected_releases_the_pending_amount()
    {
        var (session, id, number) = await OpenAsync();

        await Deposit(session, "pending", "dep-4", number, "8.00");
        await Deposit(session, "rejected", "dep-4", number, "8.00", events: 2);

        Assert.Equal((0m, 0m), await Balance(session));
        Assert.Equal("FAILED", Assert.Single(await Transactions(session, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reversal_debits_the_deposit_and_marks_the_original_reversed()
    {
        var (session, id, number) = await OpenAsync();

        await Deposit(session, "settled", "dep-5", number, "30.00");
        await Deposit(session, "reversed", "dep-5", number, "30.00", events: 2);

        Assert.Equal((0m, 0m), await Balance(session));
        var transactions = await Transactions(session, id);
        Assert.Equal(2, transactions.Length);
        var reversal = transactions[0];
        var original = transactions[1];
        Assert.Equal(("DEBIT", "SETTLED"), (reversal.GetProperty("type").GetString(), reversal.GetProperty("status").GetString()));
        Assert.Equal(("CREDIT", "REVERSED"), (original.GetProperty("type").GetString(), original.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_reversal_of_an_unknown_deposit_is_recorded_and_not_applied()
    {
        var (session, _, number) = await OpenAsync();

        var events = await Deposit(session, "reversed", "dep-never", number, "30.00");

        Assert.Equal("IGNORED", Assert.Single(events).GetProperty("status").GetString());
        Assert.Equal((0m, 0m), await Balance(session));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("closed")]
    [InlineData("currency")]
    public async Task Deposits_that_cannot_be_credited_are_rejected_with_a_reason(string why)
    {
        var (session, id, number) = await OpenAsync();
        var currency = why == "currency" ? "JPY" : "SGD";
        var target = why == "unknown" ? "999000111" : number;
        if (why == "closed")
        {
            await session.SendAsync(HttpMethod.Delete, Path, accountId: id);
        }

        var events = await Deposit(session, "settled", "dep-" + why, target, "12", currency);

        var record = Assert.Single(events);
        Assert.Equal("REJECTED", record.GetProperty("status").GetString());
        Assert.Contains(why == "unknown" ? "unknown account" : why == "closed" ? "closed" : "cannot receive JPY", record.GetProperty("reason").GetString());
        Assert.Equal((0m, 0m), await Balance(session));
        if (why != "unknown")
        {
            Assert.Equal("FAILED", Assert.Single(await Transactions(session, id)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Five_hundred_concurrent_deposits_to_one_account_end_with_the_exact_sum_and_five_hundred_entries()
    {
        var (session, id, number) = await OpenAsync();
        using var throttle = new SemaphoreSlim(32);

        var statuses = await Task.WhenAll(Enumerable.Range(1, 500).Select(async i =>
        {
            await throttle.WaitAsync();
            try
            {
                var amount = $"{i}.{i % 100:D2}";
                return await SendAsAProviderWouldAsync(session, DepositWebhook.Event("settled", $"bulk-{i}", number, amount));
            }
            finally
            {
                throttle.Release();
            }
        }));
        var expected = Enumerable.Range(1, 500).Sum(i => i + (i % 100) / 100m);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await Balance(session)).Available != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(statuses.All(s => s == 202),
            $"answers {string.Join(", ", statuses.Where(s => s != 202))}; the app logged:{Environment.NewLine}{app.Errors.Describe()}");
        Assert.Equal((expected, 0m), await Balance(session));
        var all = new List<JsonElement>();
        for (var page = 1; page <= 5; page++)
        {
            all.AddRange((await session.SendAsync(HttpMethod.Get, $"{Path}/transactions?page={page}&size=100", accountId: id))
                .Body.GetProperty("data").EnumerateArray());
        }

        Assert.Equal(500, all.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(expected, all.Sum(t => t.GetProperty("amount").GetDecimal()));
    }

    /// <summary>
    /// Sends a webhook as a deposit provider does: a 503 (storage overloaded past its time bound on a busy machine) is
    /// retried after its Retry-After, at most five times. A retry is the same event, so the sum must still be exact.
    /// </summary>
    private async Task<int> SendAsAProviderWouldAsync(ZoqqSession session, object deposit)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var client = app.CreateClient();
            using var request = DepositWebhook.Request(session.Tenant, deposit);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return (int)response.StatusCode;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private async Task<(ZoqqSession Session, string Id, string Number)> OpenAsync()
    {
        var session = await ZoqqSession.StartAsync(app);
        var account = await session.OpenAsync();
        return (session, account.GetProperty("id").GetString()!, account.GetProperty("account_number").GetString()!);
    }

    private async Task<JsonElement[]> Deposit(ZoqqSession session, string type, string reference, string number, string amount,
        string currency = "SGD", int events = 1)
    {
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event(type, reference, number, amount, currency));
        Assert.True(status == 202, $"{status} {body}");
        return await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference, events);
    }

    private static async Task<(decimal Available, decimal Pending)> Balance(ZoqqSession session)
    {
        var (_, body) = await session.SendAsync(HttpMethod.Get, $"{Path}/balance");
        var sgd = body.GetProperty("data").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == "SGD");
        return (sgd.GetProperty("available_balance").GetDecimal(), sgd.GetProperty("pending_amount").GetDecimal());
    }

    private static async Task<JsonElement[]> Transactions(ZoqqSession session, string id) =>
        (await session.SendAsync(HttpMethod.Get, $"{Path}/transactions", accountId: id)).Body.GetProperty("data").EnumerateArray().ToArray();
}
