using Accounts.Core.Accounts;
using Accounts.Core.NubanAccounts;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>
/// Payment state as the deposit pipeline will drive it: credit the book (AccountLedger), then
/// NubanPaymentService.RecordPaymentAsync; get dynamic shows the outcome.
/// </summary>
[Collection(NubanCollection.Name)]
public sealed class NubanPaymentTests(NubanAppFixture app)
{
    [Theory]
    [InlineData(new[] { "40.00" }, "PARTIALLY_PAID", "40", "40")]
    [InlineData(new[] { "60.50", "39.50" }, "PAID", "100", "100")]
    [InlineData(new[] { "100.00", "0.01" }, "OVERPAID", "100.01", "100.01")]
    public async Task Deposits_are_matched_against_the_expected_amount(string[] deposits, string status, string paid, string booked)
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(100m), "account_number");

        for (var i = 0; i < deposits.Length; i++)
        {
            await PayAsync(session, number, $"dep-{i}", deposits[i]);
        }

        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Body.GetProperty("data");
        Assert.Equal((status, paid, "100", booked), (S(data, "payment_status"), data.GetProperty("amount_paid").GetRawText(),
            data.GetProperty("amount").GetRawText(), data.GetProperty("booked_balance").GetRawText()));
        Assert.True(data.GetProperty("updated").GetBoolean());
    }

    [Fact]
    public async Task A_replayed_deposit_is_counted_once_even_when_recorded_in_parallel()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(100m), "account_number");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => PayAsync(session, number, "same", "30.00")))
            .Append(Task.Run(() => PayAsync(session, number, "other", "20.00"))));

        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Body.GetProperty("data");
        Assert.Equal(("PARTIALLY_PAID", "50", "50"), (S(data, "payment_status"), data.GetProperty("amount_paid").GetRawText(),
            data.GetProperty("booked_balance").GetRawText()));
    }

    [Fact]
    public async Task Deposits_are_refused_after_expiry_and_after_closing_but_static_accounts_take_them_repeatedly()
    {
        var session = await StartAsync(app);
        var store = app.Services.GetRequiredService<IAccountStore>();
        var payments = app.Services.GetRequiredService<NubanPaymentService>();
        var staticAccount = (await store.FindByNumberAsync(session.Tenant.Id, S(await session.CreateStaticAsync(), "account_number"), default))!;
        var expiring = (await store.FindByNumberAsync(session.Tenant.Id, S(await session.CreateDynamicAsync(minutes: 1), "account_number"), default))!;
        var closedNumber = S(await session.CreateDynamicAsync(), "account_number");
        await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{closedNumber}");
        var closed = (await store.FindByNumberAsync(session.Tenant.Id, closedNumber, default))!;
        var amount = Accounts.Core.Money.Money.Parse("10", Naira.Currency, "amount");

        Assert.True(payments.Check(expiring, amount).Accepted);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        var late = payments.Check(expiring, amount);
        Assert.Equal((DepositRefusal.Expired, true), (late.Refusal, late.RefundDue));
        Assert.Equal(DepositRefusal.Closed, payments.Check(closed, amount).Refusal);
        await PayAsync(session, staticAccount.AccountNumber, "s1", "10");
        await PayAsync(session, staticAccount.AccountNumber, "s2", "10");
        Assert.True(payments.Check(staticAccount, amount).Accepted);
        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{staticAccount.AccountNumber}")).Body.GetProperty("data");
        Assert.Equal("20", data.GetProperty("available_balance").GetRawText());
    }

    private async Task PayAsync(NubanSession session, string number, string reference, string amount)
    {
        await CreditAsync(session, number, reference, amount);
        var account = (await app.Services.GetRequiredService<IAccountStore>().FindByNumberAsync(session.Tenant.Id, number, default))!;
        var minor = Accounts.Core.Money.Money.Parse(amount, Naira.Currency, "amount").Minor;
        await app.Services.GetRequiredService<NubanPaymentService>().RecordPaymentAsync(session.Tenant.Id, account.Id, reference, minor, default);
    }
}
