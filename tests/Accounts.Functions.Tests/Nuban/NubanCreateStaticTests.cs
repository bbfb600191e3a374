using NubanNumber = Accounts.Core.Routing.Nuban;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanCreateStaticTests(NubanAppFixture app)
{
    [Fact]
    public async Task The_seed_request_creates_a_static_account_with_a_valid_fcmb_nuban()
    {
        var session = await StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", """
            {"email_address": "gwanja@gmail.com", "first_name": "Liman", "last_name": "Dauda", "phone_number": "08092717412"}
            """);

        Assert.Equal(201, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Virtual account created successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(["account_name", "account_number", "bank_name", "bank_code", "currency"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Liman Dauda", data.GetProperty("account_name").GetString());
        Assert.Equal(("FCMB MFB", "090409", "NGN"), (data.GetProperty("bank_name").GetString(),
            data.GetProperty("bank_code").GetString(), data.GetProperty("currency").GetString()));
        Assert.True(NubanNumber.IsValid("090409", data.GetProperty("account_number").GetString()));
    }

    [Theory]
    [InlineData("same-email")]
    [InlineData("same-phone")]
    [InlineData("same-phone-international")]
    public async Task A_second_static_account_for_the_same_email_or_phone_is_409(string clash)
    {
        var session = await StartAsync(app);
        var phone = RandomPhone();
        await session.CreateStaticAsync(StaticBody("Ada@Example.com", phone));

        var second = clash switch
        {
            "same-email" => StaticBody("ada@example.COM"),
            "same-phone" => StaticBody(phone: phone),
            _ => StaticBody(phone: "+234" + phone[1..]),
        };
        var response = await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", second);

        AssertError(409, response, clash == "same-email" ? "email" : "phone number");
    }

    [Fact]
    public async Task Of_parallel_creates_for_one_email_exactly_one_succeeds()
    {
        var session = await StartAsync(app);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Task.Run(() => session.SendAsync(HttpMethod.Post, "/v1/accounts/static", StaticBody("race@example.com")))));

        Assert.Equal([201, 409, 409, 409, 409], results.Select(r => r.Status).Order());
    }

    [Fact]
    public async Task A_refused_create_releases_what_it_claimed()
    {
        var session = await StartAsync(app);
        var phone = RandomPhone();
        await session.CreateStaticAsync(StaticBody(phone: phone));

        // The new email is claimed first, then the phone clashes; the email must be free again afterwards.
        AssertError(409, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", StaticBody("fresh@example.com", phone)), "phone");
        await session.CreateStaticAsync(StaticBody("fresh@example.com"));
    }

    [Fact]
    public async Task The_same_contacts_may_have_a_static_account_at_another_merchant()
    {
        var body = StaticBody("shared@example.com", "08030000001");
        await (await StartAsync(app)).CreateStaticAsync(body);

        await (await StartAsync(app)).CreateStaticAsync(body);
    }

    [Theory]
    [InlineData("""{"first_name":"A","last_name":"B","phone_number":"08092717412"}""", "email_address")]
    [InlineData("""{"email_address":"not-an-email","first_name":"A","last_name":"B","phone_number":"08092717412"}""", "email_address")]
    [InlineData("""{"email_address":"a@b.co","last_name":"B","phone_number":"08092717412"}""", "first_name")]
    [InlineData("""{"email_address":"a@b.co","first_name":"A","last_name":" ","phone_number":"08092717412"}""", "last_name")]
    [InlineData("""{"email_address":"a@b.co","first_name":"A","last_name":"B","phone_number":"0809271741"}""", "phone_number")]
    [InlineData("""{"email_address":"a@b.co","first_name":"A","last_name":"B","phone_number":"06092717412"}""", "phone_number")]
    [InlineData("""{"email_address":"a@b.co","first_name":"A","last_name":"B","phone_number":8092717412}""", "phone_number")]
    [InlineData("""{"email_address":"a@b.co","first_name":"A","last_name":"B","phone_number":"08092717412","x":1}""", "x")]
    [InlineData("""[1]""", "body")]
    [InlineData("", "body")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        var session = await StartAsync(app);

        AssertError(400, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", body), field);
    }

    [Fact]
    public async Task Fifty_parallel_creates_get_fifty_distinct_valid_numbers()
    {
        var session = await StartAsync(app);

        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => session.CreateStaticAsync())));

        var numbers = created.Select(d => d.GetProperty("account_number").GetString()!).ToList();
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(NubanNumber.IsValid("090409", n), n));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_X_API_Key_every_route_is_401(string? key)
    {
        var session = await StartAsync(app);

        foreach (var (method, path) in new[] { (HttpMethod.Post, "/v1/accounts/static"), (HttpMethod.Get, "/v1/accounts"),
            (HttpMethod.Get, "/v1/accounts/dynamic/1234567890"), (HttpMethod.Delete, "/v1/accounts/1234567890") })
        {
            AssertError(401, await session.SendAsync(method, path, StaticBody(), apiKey: key ?? string.Empty), "X-API-Key");
        }
    }
}
