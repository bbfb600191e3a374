using Accounts.Core.Accounts;
using Accounts.Core.NubanAccounts;
using Accounts.Functions.Tests.Deposits;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanReadTests(NubanAppFixture app)
{
    [Fact]
    public async Task Get_static_shows_every_field_of_the_seed_with_the_booked_and_available_balance()
    {
        var session = await StartAsync(app, environment: "LIVE");
        var number = (await session.CreateStaticAsync(StaticBody("hassan@example.com", "08012345678"))).GetProperty("account_number").GetString()!;
        await CreditAsync(session, number, "dep-1", "1500.50");
        await CreditAsync(session, number, "dep-2", "499.50");

        var (status, body) = await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{number}");

        Assert.Equal(200, status);
        Assert.Equal("Virtual account details retrieved successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(["id", "merchant_id", "environment", "currency", "bank_name", "bank_code", "account_name", "account_number",
            "updated_at", "created_at", "booked_balance", "available_balance", "status", "updated", "user_id", "account_type",
            "expiry_time", "account_category", "tier", "email", "phone_number"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal((session.Tenant.Id, "LIVE", "NGN", "FCMB MFB", "090409", "Liman Dauda", number),
            (S(data, "merchant_id"), S(data, "environment"), S(data, "currency"), S(data, "bank_name"), S(data, "bank_code"),
             S(data, "account_name"), S(data, "account_number")));
        Assert.Equal(("2000", "2000"), (data.GetProperty("booked_balance").GetRawText(), data.GetProperty("available_balance").GetRawText()));
        Assert.Equal(("ACTIVE", "STATIC", "CUSTOMER", "", "hassan@example.com", "08012345678"),
            (S(data, "status"), S(data, "account_type"), S(data, "account_category"), S(data, "tier"), S(data, "email"), S(data, "phone_number")));
        Assert.False(data.GetProperty("updated").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("expiry_time").ValueKind);
        Assert.True(Guid.TryParse(S(data, "user_id"), out _));
        Assert.Equal(S(data, "created_at"), S(data, "updated_at"));
    }

    [Fact]
    public async Task Get_dynamic_shows_the_expected_amount_reference_and_payment_state()
    {
        var session = await StartAsync(app);
        var created = await session.CreateDynamicAsync(250.25m, 30, "inv-77");
        var number = S(created, "account_number");

        var (status, body) = await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{number}");

        Assert.Equal(200, status);
        var data = body.GetProperty("data");
        Assert.Equal(("DYNAMIC", "ACTIVE", "inv-77", "PENDING"),
            (S(data, "account_type"), S(data, "status"), S(data, "reference"), S(data, "payment_status")));
        Assert.Equal(("250.25", "0"), (data.GetProperty("amount").GetRawText(), data.GetProperty("amount_paid").GetRawText()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("user_id").ValueKind);
        Assert.Equal(S(created, "expiration_time"), S(data, "expiry_time"));
        Assert.Equal(S(created, "expiration_time"), S(data, "expiration_time"));
    }

    [Fact]
    public async Task Unknown_numbers_wrong_types_and_other_merchants_accounts_are_404()
    {
        var session = await StartAsync(app);
        var staticNumber = S(await session.CreateStaticAsync(), "account_number");
        var dynamicNumber = S(await session.CreateDynamicAsync(), "account_number");
        var stranger = await StartAsync(app);

        AssertError(404, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/dynamic/{staticNumber}"), "no dynamic account");
        AssertError(404, await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{dynamicNumber}"), "no static account");
        AssertError(404, await session.SendAsync(HttpMethod.Get, "/v1/accounts/static/1234567890"), "1234567890");
        AssertError(404, await stranger.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{staticNumber}"), staticNumber);
        AssertError(400, await session.SendAsync(HttpMethod.Get, "/v1/accounts/static/12345"), "account_number");
    }

    /// <summary>A settled deposit through the signed webhook pipeline, as production receives money.</summary>
    internal static async Task CreditAsync(NubanSession session, string number, string reference, string amount)
    {
        var services = session.App.Services;
        var account = (await services.GetRequiredService<IAccountStore>().FindByNumberAsync(session.Tenant.Id, number, CancellationToken.None))!;
        await PipelineDeposits.ApplyAsync(services, session.App.CreateClient(), session.Tenant, account, "settled", reference, amount);
    }

    internal static string S(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
