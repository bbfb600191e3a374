using System.Text.Json;
using Accounts.Functions.Tests.Deposits;
using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>Deposits into NGN accounts through the signed webhook and the queue; get dynamic shows payment matching.</summary>
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
            Assert.Equal("APPLIED", (await PayAsync(session, number, $"dep-{i}", deposits[i])).GetProperty("status").GetString());
        }

        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Body.GetProperty("data");
        Assert.Equal((status, paid, "100", booked), (S(data, "payment_status"), data.GetProperty("amount_paid").GetRawText(),
            data.GetProperty("amount").GetRawText(), data.GetProperty("booked_balance").GetRawText()));
    }

    [Fact]
    public async Task A_reversed_payment_no_longer_counts()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(100m), "account_number");
        await PayAsync(session, number, "full", "100.00");

        await PayAsync(session, number, "full", "100.00", "reversed", events: 2);

        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Body.GetProperty("data");
        Assert.Equal(("PENDING", "0"), (S(data, "payment_status"), data.GetProperty("amount_paid").GetRawText()));
    }

    [Fact]
    public async Task A_redelivered_deposit_is_counted_once()
    {
        var session = await StartAsync(app);
        var number = S(await session.CreateDynamicAsync(100m), "account_number");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PayAsync(session, number, "same", "30.00"))
            .Append(PayAsync(session, number, "other", "20.00")));

        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}")).Body.GetProperty("data");
        Assert.Equal(("PARTIALLY_PAID", "50", "50"), (S(data, "payment_status"), data.GetProperty("amount_paid").GetRawText(),
            data.GetProperty("booked_balance").GetRawText()));
    }

    [Fact]
    public async Task Deposits_after_expiry_or_closing_are_rejected_and_static_accounts_take_them_repeatedly()
    {
        var session = await StartAsync(app);
        var staticNumber = S(await session.CreateStaticAsync(), "account_number");
        var expiringNumber = S(await session.CreateDynamicAsync(minutes: 1), "account_number");
        var closedNumber = S(await session.CreateDynamicAsync(), "account_number");
        await session.SendAsync(HttpMethod.Delete, $"/v1/accounts/{closedNumber}");

        var inTime = await PayAsync(session, expiringNumber, "in-time", "10");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var late = await PayAsync(session, expiringNumber, "late", "10");
        var closed = await PayAsync(session, closedNumber, "to-closed", "10");
        var first = await PayAsync(session, staticNumber, "s1", "10");
        var second = await PayAsync(session, staticNumber, "s2", "10");

        Assert.Equal("APPLIED", inTime.GetProperty("status").GetString());
        Assert.Equal("REJECTED", late.GetProperty("status").GetString());
        Assert.Contains("refund due", late.GetProperty("reason").GetString());
        Assert.Equal("REJECTED", closed.GetProperty("status").GetString());
        Assert.Contains("closed", closed.GetProperty("reason").GetString());
        Assert.Equal(("APPLIED", "APPLIED"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));
        var data = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{staticNumber}")).Body.GetProperty("data");
        Assert.Equal("20", data.GetProperty("available_balance").GetRawText());
    }

    private async Task<JsonElement> PayAsync(NubanSession session, string number, string reference, string amount,
        string type = "settled", int events = 1)
    {
        using var request = DepositWebhook.Request(session.Tenant, DepositWebhook.Event(type, reference, number, amount, "NGN"),
            app.Clock.GetUtcNow());
        var (status, body) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(request));
        Assert.True(status == 202, $"{status} {body}");
        return (await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference, events)).Last();
    }
}
