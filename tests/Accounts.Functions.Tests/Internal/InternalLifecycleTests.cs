using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Internal;
using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

/// <summary>Update (name, externalId, ACTIVE ↔ BLOCKED) and delete (refusals, CLOSED kept for audit, then 404).</summary>
[Collection(AppCollection.Name)]
public class InternalLifecycleTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Fact]
    public async Task Name_and_externalId_can_be_changed()
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();

        var (status, body) = await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { name = "Car Loan", externalId = "ext-9" });

        Assert.Equal(200, status);
        Assert.Equal(("Car Loan", "ext-9"), (body.GetProperty("name").GetString(), body.GetProperty("externalId").GetString()));
        Assert.Equal("Car Loan", (await session.GetAsync(id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_externalId_held_by_another_account_is_409()
    {
        var session = await StartAsync(app);
        await session.CreateAsync(AccountBody(externalId: "taken"));
        var id = await session.CreateIdAsync();

        AssertError(409, await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { externalId = "taken" }), "externalId");
    }

    [Fact]
    public async Task A_blocked_account_refuses_deposits_until_unblocked()
    {
        var session = await StartAsync(app);
        var account = await session.CreateAsync();
        var id = account.GetProperty("id").GetString()!;
        var number = account.GetProperty("accountNumber").GetString()!;

        var blocked = await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { status = "BLOCKED" });
        var refused = await DepositAsync(session, "while-blocked", number, "1.00");
        var unblocked = await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { status = "active" });
        var applied = await DepositAsync(session, "after", number, "2.00");

        Assert.Equal("BLOCKED", blocked.Body.GetProperty("status").GetString());
        Assert.Equal("REJECTED", refused.GetProperty("status").GetString());
        Assert.Contains("BLOCKED", refused.GetProperty("reason").GetString());
        Assert.Equal("ACTIVE", unblocked.Body.GetProperty("status").GetString());
        Assert.Equal("APPLIED", applied.GetProperty("status").GetString());
        Assert.Equal("2.00", (await session.GetAsync(id)).GetProperty("balance").GetString());
    }

    [Fact]
    public async Task A_deposit_to_a_sub_account_shows_in_its_balance_and_in_its_parents_roll_up()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var sub = await session.CreateAsync(AccountBody(parent));

        var applied = await DepositAsync(session, "to-sub", sub.GetProperty("accountNumber").GetString()!, "12.50");

        Assert.Equal("APPLIED", applied.GetProperty("status").GetString());
        Assert.Equal("12.50", (await session.GetAsync(sub.GetProperty("id").GetString()!)).GetProperty("balance").GetString());
        var rolledUp = await session.GetAsync(parent);
        Assert.Equal(("0.00", "12.50", "12.50"), (rolledUp.GetProperty("balance").GetString(),
            rolledUp.GetProperty("subAccounts").GetProperty("balance").GetString(),
            rolledUp.GetProperty("subAccounts").GetProperty("availableFunds").GetString()));
    }

    private async Task<JsonElement> DepositAsync(InternalSession session, string reference, string number, string amount)
    {
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
            DepositWebhook.Event("settled", reference, number, amount, "PKR"));
        Assert.True(status == 202, $"{status} {body}");
        return Assert.Single(await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference));
    }

    [Theory]
    [InlineData("{\"status\":\"CLOSED\"}", "status", "delete")]
    [InlineData("{\"status\":\"PENDING\"}", "status", "ACTIVE")]
    [InlineData("{\"status\":\"ASLEEP\"}", "status", "ACTIVE, BLOCKED, CLOSED")]
    [InlineData("{\"parentId\":\"x\"}", "parentId", "unknown")]
    [InlineData("{\"currency\":\"USD\"}", "currency", "unknown")]
    [InlineData("{\"name\":\"\"}", "name", "empty")]
    public async Task Bad_updates_get_400_naming_the_field(string body, string field, string mentions)
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();

        var response = await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", body);

        AssertError(400, response, field);
        Assert.Contains(mentions, response.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("ACTIVE", (await session.GetAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_is_refused_while_the_account_holds_money()
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();
        await session.CreditAsync(id, "d1", "3.50");

        var response = await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{id}");

        AssertError(409, response, null);
        Assert.Contains("3.50", response.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("ACTIVE", (await session.GetAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_is_refused_while_sub_accounts_are_open_then_allowed()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var sub = await session.CreateIdAsync(parent);

        var refused = await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent}");
        var subDeleted = await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{sub}");
        var parentDeleted = await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent}");

        AssertError(409, refused, null);
        Assert.Contains("sub-account", refused.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal((204, 204), (subDeleted.Status, parentDeleted.Status));
    }

    [Fact]
    public async Task A_deleted_account_answers_404_but_keeps_its_ledger_history()
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();
        await session.CreditAsync(id, "in", "10.00");
        await session.CreditAsync(id, "in", "10.00", reverse: true);

        Assert.Equal(204, (await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{id}")).Status);

        AssertError(404, await session.SendAsync(HttpMethod.Get, $"{Accounts}/{id}"), null);
        AssertError(404, await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { name = "x" }), null);
        AssertError(404, await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{id}"), null);
        Assert.Equal(0, (await session.SendAsync(HttpMethod.Get, Accounts)).Body.GetProperty("pagination").GetProperty("pagination")
            .GetProperty("total").GetInt32());
        var stored = await session.StoredAsync(id);
        var entries = await app.Services.GetRequiredService<LedgerService>().QueryEntriesAsync(stored.BookId, new EntryQuery(), CancellationToken.None);
        Assert.Equal(AccountStatus.Closed, stored.Status);
        Assert.Equal(3, entries.Count); // newest first: the closure seal, then the two postings kept for audit
        Assert.Equal(EntryType.Closure, entries[0].Type);
        var refused = await DepositAsync(session, "after-delete", stored.AccountNumber, "1.00");
        Assert.Equal("REJECTED", refused.GetProperty("status").GetString());
        Assert.Contains("closed", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_parent_is_never_closed_over_a_sub_account_opened_at_the_same_time()
    {
        var session = await StartAsync(app);
        for (var round = 0; round < 8; round++)
        {
            var parent = await session.CreateIdAsync();
            var create = session.SendAsync(HttpMethod.Post, Accounts, AccountBody(parent));
            var delete = session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent}");
            var (created, deleted) = (await create, await delete);

            var parentStatus = (await session.StoredAsync(parent)).Status;
            var children = (await app.Services.GetRequiredService<IAccountStore>()
                .ListByTenantAsync(session.Tenant.Id, AccountKind.Internal, CancellationToken.None)).Where(a => a.ParentId == parent);

            Assert.False(created.Status == 201 && deleted.Status == 204, $"round {round}: both the child and the delete succeeded");
            if (parentStatus == AccountStatus.Closed)
            {
                Assert.All(children, c => Assert.Equal(AccountStatus.Closed, c.Status));
            }
        }
    }
}
