using System.Text.Json.Nodes;
using NubanNumber = Accounts.Core.Routing.Nuban;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanCreateCustomerTests(NubanAppFixture app)
{
    private static JsonObject Customer(string? bvn = null, string? phone = null) => new()
    {
        ["bvn"] = bvn ?? "2" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999),
        ["first_name"] = "Jibril",
        ["last_name"] = "Mohammed",
        ["date_of_birth"] = "15-06-1990",
        ["phone_number"] = phone ?? RandomPhone(),
        ["email"] = $"j{Guid.NewGuid():N}@example.com",
        ["address"] = "12 Broad Street, Lagos",
    };

    [Fact]
    public async Task A_customer_gets_a_profile_and_a_static_account()
    {
        var session = await StartAsync(app);
        var request = Customer(phone: "+2347031234567");

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v1/accounts", request.ToJsonString());

        Assert.Equal(201, status);
        Assert.Equal("Account created successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(("Jibril Mohammed", "07031234567", "15-06-1990", "12 Broad Street, Lagos"),
            (data.GetProperty("account_name").GetString(), data.GetProperty("phone_number").GetString(),
             data.GetProperty("date_of_birth").GetString(), data.GetProperty("address").GetString()));
        Assert.False(data.TryGetProperty("bvn", out _), "the BVN is never echoed");
        var number = data.GetProperty("account_number").GetString()!;
        Assert.True(NubanNumber.IsValid("090409", number));

        // The account is the customer's static account, tied to their user_id.
        var detail = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{number}")).Body.GetProperty("data");
        Assert.Equal(data.GetProperty("user_id").GetString(), detail.GetProperty("user_id").GetString());
        Assert.Equal("STATIC", detail.GetProperty("account_type").GetString());
    }

    [Fact]
    public async Task A_bvn_belongs_to_one_customer_per_merchant()
    {
        var session = await StartAsync(app);
        await session.SendAsync(HttpMethod.Post, "/v1/accounts", Customer("22222222222").ToJsonString());

        AssertError(409, await session.SendAsync(HttpMethod.Post, "/v1/accounts", Customer("22222222222").ToJsonString()), "bvn");
    }

    [Theory]
    [InlineData("bvn", "1234567890")]
    [InlineData("bvn", "1234567890a")]
    [InlineData("bvn", null)]
    [InlineData("date_of_birth", "1990-06-15")]
    [InlineData("date_of_birth", "15/06/1990")]
    [InlineData("date_of_birth", "31-02-1990")]
    [InlineData("date_of_birth", "01-01-2999")]
    [InlineData("date_of_birth", "5-6-1990")]
    [InlineData("email", "jibril@")]
    [InlineData("phone_number", "+44 7700 900123")]
    [InlineData("address", "")]
    [InlineData("first_name", null)]
    public async Task Each_field_is_validated(string field, string? value)
    {
        var session = await StartAsync(app);
        var request = Customer();
        request[field] = value;

        AssertError(400, await session.SendAsync(HttpMethod.Post, "/v1/accounts", request.ToJsonString()), field);
    }

    [Fact]
    public async Task A_birth_date_of_today_is_refused_and_yesterday_accepted()
    {
        var session = await StartAsync(app);
        var today = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1));
        var request = Customer();
        request["date_of_birth"] = today.ToString("dd-MM-yyyy");
        AssertError(400, await session.SendAsync(HttpMethod.Post, "/v1/accounts", request.ToJsonString()), "date_of_birth");

        request["date_of_birth"] = today.AddDays(-1).ToString("dd-MM-yyyy");
        Assert.Equal(201, (await session.SendAsync(HttpMethod.Post, "/v1/accounts", request.ToJsonString())).Status);
    }
}
