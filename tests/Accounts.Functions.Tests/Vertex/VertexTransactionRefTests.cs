using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>A transaction's <c>ref</c> is the provider's deposit reference, for every step of the deposit.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexTransactionRefTests(AppFixture app)
{
    [Fact]
    public async Task Ref_is_the_deposit_reference_in_list_and_get_including_the_reversal()
    {
        var session = await VertexSession.StartAsync(app.Services, app.CreateClient);
        var (_, accountId) = await session.ApprovedEntityAsync();
        var number = (await session.AccountAsync("get_details", new { account_id = accountId })).Body.GetProperty("account_number").GetString()!;

        foreach (var (type, events) in new[] { ("settled", 1), ("reversed", 2) })
        {
            var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
                DepositWebhook.Event(type, "vx-1", number, "25.00", "ZAR"));
            Assert.True(status == 202, $"{status} {body}");
            await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, "vx-1", events);
        }

        var transactions = (await session.AccountAsync("list", new { account_id = accountId })).Body.GetProperty("transactions")
            .EnumerateArray().ToArray();
        Assert.Equal(["vx-1", "vx-1"], transactions.Select(t => t.GetProperty("ref").GetString()));
        var one = await session.AccountAsync("get_transaction", new { tx_id = transactions[0].GetProperty("tx_id").GetString() });
        Assert.Equal("vx-1", one.Body.GetProperty("transaction").GetProperty("ref").GetString());
    }
}
