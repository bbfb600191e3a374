using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>The webhook's maximum amount per deposit: 10^15 minor units of the currency.</summary>
[Collection(AppCollection.Name)]
public class DepositAmountLimitTests(AppFixture app)
{
    [Theory]
    [InlineData("9999999999999999.99", "PKR")] // the amount that overflowed sub-account roll-ups
    [InlineData("10000000000000.01", "PKR")] // one cent over
    [InlineData("1000000000000001", "JPY")]
    [InlineData("1000000000000.0001", "CLF")]
    public async Task An_amount_over_the_maximum_is_400_naming_amount(string amount, string currency)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);

        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), tenant, DepositWebhook.Event("settled", "r", "1", amount, currency));

        Assert.Equal(400, status);
        Assert.Equal("amount", body.GetProperty("field").GetString());
        Assert.Contains("at most", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("10000000000000.00", "PKR")]
    [InlineData("1000000000000000", "JPY")]
    public async Task The_maximum_itself_is_accepted(string amount, string currency)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);

        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), tenant, DepositWebhook.Event("settled", "r", "1", amount, currency));

        Assert.True(status == 202, $"{status} {body}");
    }
}
