using System.Globalization;
using NubanNumber = Accounts.Core.Routing.Nuban;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanCreateDynamicTests(NubanAppFixture app)
{
    [Fact]
    public async Task The_seed_request_creates_a_dynamic_account_expiring_after_the_duration()
    {
        var session = await StartAsync(app);
        var reference = "yofddearndcdss" + Guid.NewGuid().ToString("N")[..6];
        var before = app.Clock.GetUtcNow();

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v1/accounts/dynamic",
            $$"""{"amount": 100.0, "reference": "{{reference}}", "duration_in_minutes": 30}""");

        Assert.Equal(201, status);
        Assert.Equal("Virtual account created successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(["amount", "reference", "expiration_time", "account_name", "account_number", "bank_name", "bank_code"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("100", data.GetProperty("amount").GetRawText());
        Assert.Equal(reference, data.GetProperty("reference").GetString());
        Assert.Equal(session.Tenant.Name, data.GetProperty("account_name").GetString());
        Assert.True(NubanNumber.IsValid("090409", data.GetProperty("account_number").GetString()));
        var expires = DateTimeOffset.Parse(data.GetProperty("expiration_time").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(30), app.Clock.GetUtcNow().AddMinutes(30));
        Assert.EndsWith("Z", data.GetProperty("expiration_time").GetString());
    }

    [Fact]
    public async Task A_reference_is_generated_when_absent_and_amounts_keep_their_kobo()
    {
        var session = await StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v1/accounts/dynamic", """{"amount": 2500.75, "duration_in_minutes": 1}""");

        Assert.Equal(201, status);
        Assert.StartsWith("ref_", body.GetProperty("data").GetProperty("reference").GetString());
        Assert.Equal("2500.75", body.GetProperty("data").GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task A_reused_reference_is_409_and_other_merchants_may_use_it()
    {
        var session = await StartAsync(app);
        await session.CreateDynamicAsync(reference: "order-1");

        var again = await session.SendAsync(HttpMethod.Post, "/v1/accounts/dynamic",
            new { amount = 5, reference = "order-1", duration_in_minutes = 5 });

        AssertError(409, again, "reference");
        await (await StartAsync(app)).CreateDynamicAsync(reference: "order-1");
    }

    [Fact]
    public async Task Two_parallel_creates_with_one_reference_give_exactly_one_201()
    {
        for (var round = 0; round < 5; round++)
        {
            var session = await StartAsync(app);
            var body = new { amount = 10, reference = "race-" + round, duration_in_minutes = 5 };

            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                Task.Run(() => session.SendAsync(HttpMethod.Post, "/v1/accounts/dynamic", body))));

            Assert.Equal([201, 409], results.Select(r => r.Status).Order());
            var list = await session.SendAsync(HttpMethod.Get, "/v1/accounts?account_type=DYNAMIC");
            Assert.Equal(1, list.Body.GetProperty("meta").GetProperty("totalItems").GetInt32());
        }
    }

    [Theory]
    [InlineData("""{"duration_in_minutes": 30}""", "amount")]
    [InlineData("""{"amount": 0, "duration_in_minutes": 30}""", "amount")]
    [InlineData("""{"amount": -5, "duration_in_minutes": 30}""", "amount")]
    [InlineData("""{"amount": 10.001, "duration_in_minutes": 30}""", "amount")]
    [InlineData("""{"amount": "100", "duration_in_minutes": 30}""", "amount")]
    [InlineData("""{"amount": 100}""", "duration_in_minutes")]
    [InlineData("""{"amount": 100, "duration_in_minutes": 0}""", "duration_in_minutes")]
    [InlineData("""{"amount": 100, "duration_in_minutes": 10081}""", "duration_in_minutes")]
    [InlineData("""{"amount": 100, "duration_in_minutes": 1.5}""", "duration_in_minutes")]
    [InlineData("""{"amount": 100, "duration_in_minutes": 30, "reference": "has space"}""", "reference")]
    [InlineData("""{"amount": 100, "duration_in_minutes": 30, "reference": ""}""", "reference")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        var session = await StartAsync(app);

        AssertError(400, await session.SendAsync(HttpMethod.Post, "/v1/accounts/dynamic", body), field);
    }

    [Fact]
    public async Task The_longest_duration_is_a_week()
    {
        var session = await StartAsync(app);

        var data = await session.CreateDynamicAsync(minutes: 10080);

        var expires = DateTimeOffset.Parse(data.GetProperty("expiration_time").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(expires - app.Clock.GetUtcNow(), TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
    }
}
