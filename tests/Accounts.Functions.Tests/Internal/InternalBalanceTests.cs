using Accounts.Core.Accounts;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

/// <summary>Own balances and roll-up over sub-accounts, with money arriving as signed deposits through the webhook pipeline.</summary>
[Collection(AppCollection.Name)]
public class InternalBalanceTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Fact]
    public async Task Sub_account_sums_roll_up_under_concurrent_deposits_to_several_sub_accounts()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var subs = new[] { await session.CreateIdAsync(parent), await session.CreateIdAsync(parent), await session.CreateIdAsync(parent) };
        var grandchild = await session.CreateIdAsync(subs[0]);
        var targets = subs.Append(grandchild).ToArray();

        // 30 deposits of 1.01..30.30 spread over four books, all at once: sum 1.01 * (1 + … + 30) = 469.65.
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            session.CreditAsync(targets[i % targets.Length], $"dep-{i}", (1.01m * i).ToString("0.00"))));
        await session.CreditAsync(parent, "own", "5.00");

        var top = await session.GetAsync(parent);
        var first = await session.GetAsync(subs[0]);
        var expectedFirstOwn = Enumerable.Range(1, 30).Where(i => i % 4 == 0).Sum(i => 1.01m * i);
        var expectedGrandchild = Enumerable.Range(1, 30).Where(i => i % 4 == 3).Sum(i => 1.01m * i);

        Assert.Equal(("5.00", "5.00"), (top.GetProperty("balance").GetString(), top.GetProperty("availableFunds").GetString()));
        Assert.Equal(("469.65", "469.65"), (top.GetProperty("subAccounts").GetProperty("balance").GetString(),
            top.GetProperty("subAccounts").GetProperty("availableFunds").GetString()));
        Assert.Equal(expectedFirstOwn.ToString("0.00"), first.GetProperty("balance").GetString());
        Assert.Equal(expectedGrandchild.ToString("0.00"), first.GetProperty("subAccounts").GetProperty("balance").GetString());
    }

    [Fact]
    public async Task A_replayed_deposit_reference_counts_once_in_the_roll_up()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var sub = await session.CreateIdAsync(parent);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => session.CreditAsync(sub, "same-ref", "10.00")));

        Assert.Equal("10.00", (await session.GetAsync(parent)).GetProperty("subAccounts").GetProperty("balance").GetString());
    }

    [Fact]
    public async Task Listed_accounts_show_the_same_balances_as_get()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var sub = await session.CreateIdAsync(parent);
        await session.CreditAsync(sub, "d1", "12.34");

        var (_, body) = await session.SendAsync(HttpMethod.Get, Accounts);
        var listed = body.GetProperty("pagination").GetProperty("results").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!);

        Assert.Equal("12.34", listed[parent].GetProperty("subAccounts").GetProperty("balance").GetString());
        Assert.Equal("12.34", listed[sub].GetProperty("balance").GetString());
        Assert.Equal("0.00", listed[sub].GetProperty("subAccounts").GetProperty("balance").GetString());
        Assert.All(listed.Values, a => Assert.Matches(@"^\d+(\.\d+)?$", a.GetProperty("availableFunds").GetString()));
    }

    [Fact]
    public async Task Amounts_use_the_currencys_decimals()
    {
        var session = await StartAsync(app);
        var jpy = await session.CreateIdAsync(currency: "JPY");
        var kwd = await session.CreateIdAsync(currency: "KWD");
        await session.CreditAsync(jpy, "j1", "1500");
        await session.CreditAsync(kwd, "k1", "2.5");

        Assert.Equal("1500", (await session.GetAsync(jpy)).GetProperty("balance").GetString());
        Assert.Equal("2.500", (await session.GetAsync(kwd)).GetProperty("availableFunds").GetString());
        Assert.Equal(AccountKind.Internal, (await session.StoredAsync(jpy)).Kind);
    }
}
