using System.Text.Json.Nodes;
using Accounts.Functions.Tests.Operator;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>What a customer's personal data looks like in storage: never a key, and the BVN and birth date never in clear.</summary>
[Collection(NubanCollection.Name)]
public sealed class NubanPersonalDataTests(NubanAppFixture app)
{
    [Fact]
    public async Task Bvn_phone_email_and_birth_date_never_appear_in_a_table_key_and_bvn_and_birth_date_never_in_clear()
    {
        var session = await StartAsync(app);
        var bvn = "2" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var phone = RandomPhone();
        var email = $"pii{Guid.NewGuid():N}@example.com";
        var birthDate = $"{Random.Shared.Next(10, 28)}-0{Random.Shared.Next(1, 9)}-19{Random.Shared.Next(50, 99)}";
        var request = new JsonObject
        {
            ["bvn"] = bvn,
            ["first_name"] = "Amaka",
            ["last_name"] = "Eze",
            ["date_of_birth"] = birthDate,
            ["phone_number"] = phone,
            ["email"] = email,
            ["address"] = "7 Awolowo Road, Ikoyi",
        };

        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v1/accounts", request.ToJsonString());
        var staticPhone = RandomPhone();
        var staticEmail = $"pii{Guid.NewGuid():N}@example.com";
        await session.CreateStaticAsync(StaticBody(staticEmail, staticPhone));

        Assert.Equal(201, status);
        Assert.Equal((birthDate, "7 Awolowo Road, Ikoyi"), (body.GetProperty("data").GetProperty("date_of_birth").GetString(),
            body.GetProperty("data").GetProperty("address").GetString()));
        var number = body.GetProperty("data").GetProperty("account_number").GetString()!;
        var detail = (await session.SendAsync(HttpMethod.Get, $"/v1/accounts/static/{number}")).Body.GetProperty("data");
        Assert.Equal((email, phone), (detail.GetProperty("email").GetString(), detail.GetProperty("phone_number").GetString()));

        var rows = await RawRows.ReadAllAsync(app.Services);
        Assert.Contains(rows, r => r.Text.Contains(number, StringComparison.Ordinal)); // the customer's rows are among them
        foreach (var value in new[] { bvn, phone, email, birthDate, staticPhone, staticEmail })
        {
            Assert.DoesNotContain(rows, r => r.Keys.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var value in new[] { bvn, birthDate, "Awolowo" })
        {
            Assert.DoesNotContain(rows, r => r.Text.Contains(value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_same_email_or_phone_twice_is_still_the_existing_conflict()
    {
        var session = await StartAsync(app);
        var email = $"Twice{Guid.NewGuid():N}@Example.com";
        var phone = RandomPhone();
        await session.CreateStaticAsync(StaticBody(email, phone));

        AssertError(409, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", StaticBody(email.ToLowerInvariant())), "email");
        AssertError(409, await session.SendAsync(HttpMethod.Post, "/v1/accounts/static", StaticBody(phone: "+234" + phone[1..])), "phone");
    }
}
