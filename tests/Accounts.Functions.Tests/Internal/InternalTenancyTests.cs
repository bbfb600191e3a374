using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

[Collection(AppCollection.Name)]
public class InternalTenancyTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Fact]
    public async Task Another_tenants_accounts_are_invisible_and_untouchable()
    {
        var mine = await StartAsync(app);
        var theirs = await StartAsync(app);
        var id = await mine.CreateIdAsync();
        await mine.CreditAsync(id, "d1", "7.00");

        AssertError(404, await theirs.SendAsync(HttpMethod.Get, $"{Accounts}/{id}"), null);
        AssertError(404, await theirs.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { status = "BLOCKED" }), null);
        AssertError(404, await theirs.SendAsync(HttpMethod.Delete, $"{Accounts}/{id}"), null);
        var (_, list) = await theirs.SendAsync(HttpMethod.Get, $"{Accounts}?limit=100");

        Assert.Equal(0, list.GetProperty("pagination").GetProperty("pagination").GetProperty("total").GetInt32());
        var account = await mine.GetAsync(id);
        Assert.Equal(("ACTIVE", "7.00"), (account.GetProperty("status").GetString(), account.GetProperty("balance").GetString()));
    }

    [Fact]
    public async Task The_same_externalId_is_free_in_another_tenant()
    {
        var mine = await StartAsync(app);
        var theirs = await StartAsync(app);

        var a = await mine.CreateAsync(AccountBody(externalId: "shared"));
        var b = await theirs.CreateAsync(AccountBody(externalId: "shared"));

        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_finds_an_account_by_its_number_only_in_its_own_tenant()
    {
        var mine = await StartAsync(app);
        var theirs = await StartAsync(app);
        var account = await mine.CreateAsync();
        var number = account.GetProperty("accountNumber").GetString();

        Assert.Equal(account.GetProperty("id").GetString(), (await mine.GetAsync(number!)).GetProperty("id").GetString());
        AssertError(404, await theirs.SendAsync(HttpMethod.Get, $"{Accounts}/{number}"), null);
    }
}
