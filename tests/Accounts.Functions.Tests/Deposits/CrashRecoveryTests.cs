using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Accepted deposits survive kill -9 of the app and are applied exactly once after a restart: both when the process
/// dies before its worker touched them and when it dies in the middle of applying them; and a kill in the middle of
/// webhook requests (possibly between storing a record and queueing it) leaves no accepted deposit behind.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly TenantRegistration _tenant = new("crash-tenant", "Crash Test", "crash-product", "crash-partner", "SANDBOX",
        "crash-key", "crash-secret", "crash-webhook");

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Deposits_accepted_before_a_kill_are_applied_once_after_restart()
    {
        string accountId, number;
        await using (var intakeOnly = await StartAsync(worker: false))
        {
            (accountId, number) = await OpenAccountAsync(intakeOnly);
            await SendAsync(intakeOnly, 1, 20, number);
            intakeOnly.Kill();
        }

        await using (var busy = await StartAsync(worker: true))
        {
            await SendAsync(busy, 21, 60, number);
            busy.Kill(); // very likely while the worker is still applying the batch
        }

        await using var recovered = await StartAsync(worker: true);
        var expected = Enumerable.Range(1, 60).Sum(i => (decimal)i);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var (balance, count) = await ReadAsync(recovered, accountId);
        while ((balance != expected || count != 60) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            (balance, count) = await ReadAsync(recovered, accountId);
        }

        // A killed worker may have applied an event without recording it: the redelivery records it after its lease.
        var statuses = await StatusesAsync(recovered, "crash-", 60);
        while (statuses.ContainsValue("RECEIVED") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            statuses = await StatusesAsync(recovered, "crash-", 60);
        }

        Assert.Equal(expected, balance);
        Assert.Equal(60, count);
        Assert.Equal(60, statuses.Count);
        Assert.DoesNotContain("RECEIVED", statuses.Values);
    }

    [Fact]
    public async Task A_kill_in_the_middle_of_webhook_requests_leaves_no_record_received_and_applies_each_once()
    {
        const int total = 80;
        var answered = new ConcurrentBag<int>();
        string accountId;
        await using (var intakeOnly = await StartAsync(worker: false))
        {
            (accountId, var number) = await OpenAccountAsync(intakeOnly);
            using var client = intakeOnly.CreateClient();
            var sends = Enumerable.Range(1, total).Select(i => TrySendAsync(client, i, number, answered)).ToList();
            while (answered.Count < total / 4 && sends.Any(t => !t.IsCompleted))
            {
                await Task.Delay(5);
            }

            intakeOnly.Kill();
            await Task.WhenAll(sends);
        }

        await using var recovered = await StartAsync(worker: true);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var statuses = await StatusesAsync(recovered, "kill-", total);
        while (statuses.ContainsValue("RECEIVED") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            statuses = await StatusesAsync(recovered, "kill-", total);
        }

        // Every stored record was accepted, whether or not its answer got out before the kill.
        var recorded = statuses.Keys.ToList();
        Assert.DoesNotContain("RECEIVED", statuses.Values);
        Assert.All(statuses.Values, s => Assert.Equal("APPLIED", s));
        Assert.Subset(recorded.ToHashSet(), answered.ToHashSet());
        var (balance, count) = await ReadAsync(recovered, accountId);
        Assert.Equal(recorded.Sum(i => (decimal)i), balance);
        Assert.Equal(recorded.Count, count);
    }

    private Task<AppProcess> StartAsync(bool worker) => AppProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = _azurite.ConnectionString,
        ["Storage__TablePrefix"] = _prefix,
        ["Deposits__LocalWorkerEnabled"] = worker ? "true" : "false",
        ["Deposits__OutboxGracePeriod"] = "00:00:02",
        ["Deposits__OutboxSweepInterval"] = "00:00:00.500",
        ["Deposits__VisibilityTimeout"] = "00:00:05", // a killed worker's messages come back after this
        ["DevTenant__Id"] = _tenant.Id,
        ["DevTenant__Name"] = _tenant.Name,
        ["DevTenant__ApiKey"] = _tenant.ApiKey,
        ["DevTenant__ProductId"] = _tenant.ProductId,
        ["DevTenant__PartnerId"] = _tenant.PartnerId,
        ["DevTenant__ClientSecret"] = _tenant.ClientSecret,
        ["DevTenant__WebhookSecret"] = _tenant.WebhookSecret,
    });

    private async Task SendAsync(AppProcess app, int from, int to, string number)
    {
        using var client = app.CreateClient();
        for (var i = from; i <= to; i++)
        {
            using var request = DepositWebhook.Request(_tenant, DepositWebhook.Event("settled", $"crash-{i}", number, $"{i}.00"));
            var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
            Assert.True(status == 202, $"{status} {body}\n{app.Output}");
        }
    }

    private async Task TrySendAsync(HttpClient client, int i, string number, ConcurrentBag<int> answered)
    {
        try
        {
            using var request = DepositWebhook.Request(_tenant, DepositWebhook.Event("settled", $"kill-{i}", number, $"{i}.00"));
            var (status, _) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
            Assert.Equal(202, status);
            answered.Add(i);
        }
        catch (HttpRequestException)
        {
            // Killed before answering: whether the event was accepted is read from the records afterwards.
        }
    }

    /// <summary>The status of each of {prefix}1..{count} that has a record.</summary>
    private async Task<Dictionary<int, string>> StatusesAsync(AppProcess app, string prefix, int count)
    {
        using var client = app.CreateClient();
        var statuses = new Dictionary<int, string>();
        for (var i = 1; i <= count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/deposits/{prefix}{i}");
            request.Headers.Add("x-api-key", _tenant.ApiKey);
            var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
            Assert.True(status is 200 or 404, $"{status} {body}");
            if (status == 200)
            {
                statuses[i] = body.GetProperty("events")[0].GetProperty("status").GetString()!;
            }
        }

        return statuses;
    }

    private async Task<(string Id, string Number)> OpenAccountAsync(AppProcess app)
    {
        var token = await TokenAsync(app);
        var (_, body) = await ZoqqAsync(app, token, HttpMethod.Post, "/zoqq/api/v1/account", new
        {
            type = "virtual_account", country = "SG", currency = "SGD",
            required_features = new[] { new { currency = "SGD", transfer_method = "LOCAL" } },
        });
        var account = body.GetProperty("data")[0];
        return (account.GetProperty("id").GetString()!, account.GetProperty("account_number").GetString()!);
    }

    private async Task<(decimal Balance, int Entries)> ReadAsync(AppProcess app, string accountId)
    {
        var token = await TokenAsync(app);
        var (_, balance) = await ZoqqAsync(app, token, HttpMethod.Get, "/zoqq/api/v1/account/balance");
        var (_, transactions) = await ZoqqAsync(app, token, HttpMethod.Get, "/zoqq/api/v1/account/transactions?size=100", accountId: accountId);
        return (balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal(),
            transactions.GetProperty("data").GetArrayLength());
    }

    private async Task<string> TokenAsync(AppProcess app)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zoqq/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { client_secret = _tenant.ClientSecret }),
        };
        request.Headers.Add("x-api-key", _tenant.ApiKey);
        request.Headers.Add("x-product-id", _tenant.ProductId);
        var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
        Assert.True(status == 200, $"{status} {body}\n{app.Output}");
        return body.GetProperty("access_token").GetString()!;
    }

    private async Task<(int Status, JsonElement Body)> ZoqqAsync(AppProcess app, string token, HttpMethod method, string path,
        object? body = null, string? accountId = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", _tenant.ApiKey);
        request.Headers.Add("x-product-id", _tenant.ProductId);
        request.Headers.Add("x-request-id", Guid.NewGuid().ToString());
        request.Headers.Add("x-user-id", "crash-user");
        request.Headers.Authorization = new("Bearer", token);
        if (accountId is not null)
        {
            request.Headers.Add("x-account-id", accountId);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var result = await DepositWebhook.ReadAsync(await client.SendAsync(request));
        Assert.True(result.Status == 200, $"{result.Status} {result.Body}\n{app.Output}");
        return result;
    }
}
