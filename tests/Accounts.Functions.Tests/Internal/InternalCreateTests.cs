using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

[Collection(AppCollection.Name)]
public class InternalCreateTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    private static readonly string[] AccountFields =
    [
        "id", "identityId", "externalId", "type", "custody", "balance", "availableFunds", "currency", "name", "accountNumber",
        "accountHolder", "status", "parentId", "subAccounts", "custodyBankAccount",
    ];

    [Fact]
    public async Task The_seed_example_creates_an_active_account_with_the_documented_fields()
    {
        var session = await StartAsync(app);
        var parentId = await session.CreateIdAsync();

        var account = await session.CreateAsync(AccountBody(parentId, externalId: "1"));

        Assert.Equal(AccountFields, account.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("069b63ba-a8cd-4b0e-bb2f-ffc7d71f2dac", "1", "REAL", "dev-custodian"), (account.GetProperty("identityId").GetString(),
            account.GetProperty("externalId").GetString(), account.GetProperty("type").GetString(), account.GetProperty("custody").GetString()));
        Assert.Equal(("0.00", "0.00", "PKR", "Auto Loan Account"), (account.GetProperty("balance").GetString(),
            account.GetProperty("availableFunds").GetString(), account.GetProperty("currency").GetString(), account.GetProperty("name").GetString()));
        Assert.Equal(("ACTIVE", parentId, session.Tenant.Name), (account.GetProperty("status").GetString(),
            account.GetProperty("parentId").GetString(), account.GetProperty("accountHolder").GetString()));
        Assert.Matches("^[1-9][0-9]{11}$", account.GetProperty("accountNumber").GetString());
        Assert.Equal("0.00", account.GetProperty("subAccounts").GetProperty("balance").GetString());
        Assert.Equal("0.00", account.GetProperty("subAccounts").GetProperty("availableFunds").GetString());
        Assert.True(Guid.TryParse(account.GetProperty("id").GetString(), out _));
    }

    [Theory]
    [InlineData("identityId")]
    [InlineData("type")]
    [InlineData("custody")]
    [InlineData("currency")]
    [InlineData("name")]
    public async Task Each_required_field_is_named_when_missing(string field)
    {
        var session = await StartAsync(app);
        var body = AccountBody();
        body.Remove(field);

        AssertError(400, await session.SendAsync(HttpMethod.Post, Accounts, body), field);
    }

    [Theory]
    [InlineData("type", "GOLD", "CHECKING, SAVINGS, REAL")]
    [InlineData("currency", "ZZZ", "ISO 4217")]
    [InlineData("name", "   ", "empty")]
    [InlineData("nickname", "x", "unknown")]
    public async Task Bad_fields_get_400_naming_them(string field, string value, string mentions)
    {
        var session = await StartAsync(app);
        var body = AccountBody();
        body[field] = value;

        var response = await session.SendAsync(HttpMethod.Post, Accounts, body);

        AssertError(400, response, field);
        Assert.Contains(mentions, response.Body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("CHECKING", "CHECKING")]
    [InlineData("real", "REAL")]
    [InlineData("Savings", "SAVINGS")]
    public async Task Types_are_accepted_case_insensitively(string type, string shown)
    {
        var session = await StartAsync(app);

        var account = await session.CreateAsync(AccountBody(type: type));

        Assert.Equal(shown, account.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_parent_must_exist_in_the_same_tenant_be_active_and_share_the_currency()
    {
        var session = await StartAsync(app);
        var other = await StartAsync(app);
        var foreign = await other.CreateIdAsync();
        var usd = await session.CreateIdAsync(currency: "USD");
        var blocked = await session.CreateIdAsync();
        await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{blocked}", new { status = "BLOCKED" });

        AssertError(400, await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(Guid.NewGuid().ToString())), "parentId");
        AssertError(400, await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(foreign)), "parentId");
        AssertError(400, await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(usd)), "parentId");
        AssertError(409, await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(blocked)), "parentId");
        Assert.Equal(2, (await session.SendAsync(HttpMethod.Get, Accounts)).Body.GetProperty("pagination").GetProperty("pagination")
            .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_deleted_parent_takes_no_new_sub_accounts()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent}");

        AssertError(400, await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(parent)), "parentId");
    }

    [Fact]
    public async Task ExternalId_replays_the_same_create_and_refuses_a_different_one()
    {
        var session = await StartAsync(app);
        var body = AccountBody(externalId: "ext-1");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => session.SendAsync(HttpMethod.Post, Accounts, body)));
        var reuse = await session.SendAsync(HttpMethod.Post, Accounts, AccountBody(externalId: "ext-1", name: "Another"));

        Assert.All(replies, r => Assert.Equal(201, r.Status));
        Assert.Single(replies.Select(r => r.Body.GetProperty("id").GetString()).Distinct());
        AssertError(409, reuse, "externalId");
        var list = (await session.SendAsync(HttpMethod.Get, Accounts)).Body.GetProperty("pagination");
        Assert.Equal(1, list.GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CustodyBankAccount_is_null_when_no_custody_account_is_configured()
    {
        var session = await StartAsync(app);

        var account = await session.CreateAsync();

        Assert.Equal(JsonValueKind.Null, account.GetProperty("custodyBankAccount").ValueKind);
    }
}
