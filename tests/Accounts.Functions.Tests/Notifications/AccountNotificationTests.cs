using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.NubanAccounts;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Nuban;
using Accounts.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// Account events of a NUBAN merchant: a dynamic account's creation, its payment states as deposits settle, its expiry;
/// a static account's closure. Accounts are made and closed through the Nuban routes, money arrives through the deposit
/// webhook and queue.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountNotificationTests(AppFixture app)
{
    [Fact]
    public async Task A_dynamic_account_is_created_partially_paid_paid_and_expired_in_sequence_order()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString, eventTypes: NotificationSession.AllTypes);
        var (status, created) = await NubanAsync(session, HttpMethod.Post, "/v1/accounts/dynamic",
            new { amount = 100.00m, reference = "order-" + Guid.NewGuid().ToString("N"), duration_in_minutes = 30 });
        Assert.True(status == 201, $"{status} {created}");
        var number = created.GetProperty("data").GetProperty("account_number").GetString()!;

        await Deposit(session, number, "dyn-1", "40.00");
        var partial = Assert.Single(await session.Receiver.WaitForAsync("account.partially_paid"));
        await Deposit(session, number, "dyn-2", "60.00");
        var paid = Assert.Single(await session.Receiver.WaitForAsync("account.paid"));

        var accounts = session.Factory.Services.GetRequiredService<IAccountStore>();
        var account = (await accounts.FindByNumberAsync(session.Tenant.Id, number, CancellationToken.None))!;
        var later = new ShiftedClock();
        later.Advance(TimeSpan.FromHours(1));
        var expirer = new DynamicAccountExpirer(session.Factory.Services.GetRequiredService<IExpiryIndex>(), accounts, later);
        Assert.Equal(1, await expirer.RunAsync(CancellationToken.None));
        var expired = Assert.Single(await session.Receiver.WaitForAsync("account.expired"));
        var opened = Assert.Single(await session.Receiver.WaitForAsync("account.created"));

        Assert.Equal("PARTIALLY_PAID", Data(partial).GetProperty("payment_status").GetString());
        Assert.Equal("40.00", Data(partial).GetProperty("amount_paid").GetString());
        Assert.Equal("PAID", Data(paid).GetProperty("payment_status").GetString());
        Assert.Equal("100.00", Data(paid).GetProperty("expected_amount").GetString());
        Assert.All(new[] { opened, partial, paid, expired }, e =>
        {
            Assert.Equal(account.Id, Data(e).GetProperty("account_id").GetString());
            Assert.Equal(number, Data(e).GetProperty("account_number").GetString());
            Assert.Equal("nuban", Data(e).GetProperty("dialect").GetString());
        });
        var sequences = new[] { opened, partial, paid, expired }.Select(e => Data(e).GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal("EXPIRED", Data(expired).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Closing_a_static_account_is_account_closed()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString, eventTypes: ["account.closed"]);
        var (status, created) = await NubanAsync(session, HttpMethod.Post, "/v1/accounts/static", NubanSession.StaticBody());
        Assert.True(status == 201, $"{status} {created}");
        var number = created.GetProperty("data").GetProperty("account_number").GetString()!;

        var (closedStatus, closedBody) = await NubanAsync(session, HttpMethod.Delete, $"/v1/accounts/{number}");
        Assert.True(closedStatus is >= 200 and < 300, $"{closedStatus} {closedBody}");
        var closed = Assert.Single(await session.Receiver.WaitForAsync("account.closed"));

        Assert.Equal(number, Data(closed).GetProperty("account_number").GetString());
        Assert.True(Data(closed).GetProperty("sequence").GetInt64() >= 1);
        Assert.DoesNotContain(session.Receiver.Requests, r => r.Type == "account.created"); // not subscribed
    }

    private static async Task Deposit(NotificationSession session, string number, string reference, string amount)
    {
        var (status, body) = await DepositWebhook.SendAsync(session.Client, session.Tenant,
            DepositWebhook.Event("settled", reference, number, amount, currency: "NGN"));
        Assert.True(status == 202, $"{status} {body}");
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, reference));
        Assert.Equal("APPLIED", processed.GetProperty("status").GetString());
    }

    private static Task<(int Status, JsonElement Body)> NubanAsync(NotificationSession session, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-API-Key", session.Tenant.ApiKey);
        if (body is not null)
        {
            request.Content = JsonHttp.Content(body);
        }

        return JsonHttp.SendAsync(session.Client, request);
    }

    private static JsonElement Data(WebhookReceiver.Received received) => received.Json.GetProperty("data");
}
