using System.Text.Json;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

/// <summary>
/// The largest deposits the webhook takes (10,000,000,000,000.00 PKR), through the signed webhook and the queue:
/// roll-ups stay exact and readable, and a balance stops at the ledger's limit (100,000,000,000,000.00 PKR) with the
/// deposit that would pass it rejected, not dead-lettered.
/// </summary>
[Collection(AppCollection.Name)]
public class InternalBalanceLimitTests(AppFixture app)
{
    private const string MaxDeposit = "10000000000000.00";
    private const string MaxBalance = "100000000000000.00";

    [Fact]
    public async Task Ten_largest_deposits_to_sub_accounts_roll_up_exactly_in_get_and_in_the_list()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var subs = new List<JsonElement>();
        for (var i = 0; i < 10; i++)
        {
            subs.Add(await session.CreateAsync(AccountBody(parent)));
        }

        await Task.WhenAll(subs.Select((sub, i) => DepositAsync(session, $"big-{i}", sub.GetProperty("accountNumber").GetString()!, MaxDeposit)));

        var top = await session.GetAsync(parent);
        var (status, list) = await session.SendAsync(HttpMethod.Get, $"{InternalSession.Route}?limit=100");
        Assert.Equal(200, status);
        var listed = list.GetProperty("pagination").GetProperty("results").EnumerateArray().Single(a => a.GetProperty("id").GetString() == parent);
        foreach (var shown in new[] { top, listed })
        {
            Assert.Equal((MaxBalance, MaxBalance), (shown.GetProperty("subAccounts").GetProperty("balance").GetString(),
                shown.GetProperty("subAccounts").GetProperty("availableFunds").GetString()));
        }
    }

    [Fact]
    public async Task The_deposit_that_would_pass_the_balance_limit_is_rejected_with_refund_due_and_the_balance_is_kept()
    {
        var session = await StartAsync(app);
        var wallet = await session.CreateAsync();
        var id = wallet.GetProperty("id").GetString()!;
        var number = wallet.GetProperty("accountNumber").GetString()!;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => DepositAsync(session, $"fill-{i}", number, MaxDeposit)));

        var refused = Assert.Single(await DepositAsync(session, "one-cent-too-many", number, "0.01"));

        Assert.Equal(("REJECTED", 1), (refused.GetProperty("status").GetString(), refused.GetProperty("attempts").GetInt32()));
        Assert.Equal($"Refused deposit one-cent-too-many: the balance limit was reached (a PKR balance holds at most {MaxBalance}); refund due",
            refused.GetProperty("reason").GetString());
        var account = await session.GetAsync(id);
        Assert.Equal((MaxBalance, MaxBalance), (account.GetProperty("balance").GetString(), account.GetProperty("availableFunds").GetString()));
    }

    /// <summary>Posts a signed settled deposit and returns its recorded events once processed; every fill is applied.</summary>
    private async Task<JsonElement[]> DepositAsync(InternalSession session, string reference, string number, string amount)
    {
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
            DepositWebhook.Event("settled", reference, number, amount, "PKR"));
        Assert.True(status == 202, $"{status} {body}");
        var events = await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference);
        if (amount == MaxDeposit)
        {
            Assert.Equal("APPLIED", Assert.Single(events).GetProperty("status").GetString());
        }

        return events;
    }
}
