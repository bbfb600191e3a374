using Accounts.Core.Security;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Nuban;

namespace Accounts.Functions.Tests.Operator;

/// <summary>
/// A rotated webhook secret over HTTP, on an app of this class's own whose clock the test moves past the overlap
/// (the fixture's shifted clock; no other test shares this instance).
/// </summary>
public sealed class WebhookSecretRotationTests(NubanAppFixture app) : IClassFixture<NubanAppFixture>
{
    [Fact]
    public async Task A_deposit_signed_with_the_previous_secret_verifies_during_the_overlap_and_is_refused_after_it()
    {
        var op = new OperatorClient(app.Services, app.CreateClient);
        var tenant = await op.CreateTenantAsync();

        var (status, body) = await op.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-secret");

        Assert.Equal(200, status);
        var rotated = tenant with { WebhookSecret = body.GetProperty("webhook_secret").GetString()! };
        Assert.StartsWith(GeneratedSecret.WebhookSecretPrefix, rotated.WebhookSecret);
        var until = DateTimeOffset.Parse(body.GetProperty("previous_valid_until").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until - app.Clock.GetUtcNow(), TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Assert.Equal(202, await SendAsync(tenant, "during-old"));
        Assert.Equal(202, await SendAsync(rotated, "during-new"));

        app.Clock.Advance(until - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        Assert.Equal(401, await SendAsync(tenant, "after-old"));
        Assert.Equal(202, await SendAsync(rotated, "after-new"));
    }

    /// <summary>A deposit event signed with the registration's webhook secret at the app's (shifted) time.</summary>
    private async Task<int> SendAsync(TenantRegistration signer, string reference)
    {
        using var request = DepositWebhook.Request(signer, DepositWebhook.Event("settled", reference, "1234567890", "10.00"), app.Clock.GetUtcNow());
        using var response = await app.CreateClient().SendAsync(request);
        return (int)response.StatusCode;
    }
}
