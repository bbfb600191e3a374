using System.Globalization;
using System.Text.RegularExpressions;
using Accounts.Functions.Tests.Deposits;
using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>The recorded reason of a deposit refused after a dynamic account expired.</summary>
[Collection(NubanCollection.Name)]
public sealed class NubanExpiredDepositReasonTests(NubanAppFixture app)
{
    [Fact]
    public async Task The_reason_names_the_expiry_in_utc_with_a_z_and_says_refund_due_once()
    {
        var session = await StartAsync(app);
        var created = await session.CreateDynamicAsync(minutes: 1);
        var number = S(created, "account_number");
        var expiry = DateTimeOffset.Parse(S(created, "expiration_time"), CultureInfo.InvariantCulture);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        using var request = DepositWebhook.Request(session.Tenant, DepositWebhook.Event("settled", "late", number, "10.00", "NGN"),
            app.Clock.GetUtcNow());
        var (status, body) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(request));
        Assert.True(status == 202, $"{status} {body}");
        var late = Assert.Single(await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, "late"));

        Assert.Equal("REJECTED", late.GetProperty("status").GetString());
        var match = Regex.Match(late.GetProperty("reason").GetString()!,
            @"^Refused deposit late: account (?<number>[0-9]{10}) expired at (?<time>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]*[1-9])?Z); refund due\z");
        Assert.True(match.Success, late.GetProperty("reason").GetString());
        Assert.Equal(number, match.Groups["number"].Value);
        Assert.Equal(expiry, DateTimeOffset.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture));
    }
}
