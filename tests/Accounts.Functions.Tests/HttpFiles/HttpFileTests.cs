using System.Diagnostics;
using System.Text;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage.Emulator;

namespace Accounts.Functions.Tests.HttpFiles;

/// <summary>
/// The http/*.http walk-throughs run request by request against the real app (as a test tenant instead of the
/// Development one), and sign-webhook.sh signs exactly what the webhook verifies.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HttpFileTests(AppFixture app)
{
    private static readonly string HttpDirectory = Path.Combine(RepoPaths.FindRepoRoot(AppContext.BaseDirectory), "http");

    [Theory]
    [InlineData("zoqq.http")]
    [InlineData("nuban.http")]
    [InlineData("internal.http")]
    public async Task Walk_through_runs(string file)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var client = app.CreateClient();
        var log = await new HttpFileRunner(client, Path.Combine(HttpDirectory, file), Credentials(tenant)).RunAsync();
        Assert.True(log.Count >= 5, string.Join("\n", log));
    }

    [Fact]
    public async Task Vertex_walk_through_runs_with_a_deposit_before_the_transactions()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var client = app.CreateClient();
        var runner = new HttpFileRunner(client, Path.Combine(HttpDirectory, "vertex.http"), Credentials(tenant), async (name, response) =>
        {
            if (name == "accounts")
            {
                var number = response!["accounts"]![0]!["account_number"]!.GetValue<string>();
                var reference = "http-" + Guid.NewGuid().ToString("N")[..8];
                Assert.Equal(202, (await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", reference, number, "25.00", "ZAR"))).Status);
                await DepositWebhook.WaitProcessedAsync(client, tenant, reference);
            }
        });
        Assert.Equal(7, (await runner.RunAsync()).Count);
    }

    [Fact]
    public async Task Deposit_walk_through_runs_with_the_signing_helper()
    {
        var zoqq = await Zoqq.ZoqqSession.StartAsync(app);
        var number = (await zoqq.OpenAsync()).GetProperty("account_number").GetString()!;
        var body = Path.Combine(Path.GetTempPath(), $"deposit-{Guid.NewGuid():N}.json");
        var signed = Sign(number, body, zoqq.Tenant.WebhookSecret, timestamp: null);

        // The .http file sends ./deposit.json: run it from a copy next to the signed body, with the helper's three lines.
        var copy = Path.Combine(Path.GetDirectoryName(body)!, $"deposits-{Guid.NewGuid():N}.http");
        await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(Path.Combine(HttpDirectory, "deposits.http")))
            .Replace("< ./deposit.json", "< ./" + Path.GetFileName(body), StringComparison.Ordinal));
        using var client = app.CreateClient();
        try
        {
            var variables = new Dictionary<string, string>(Credentials(zoqq.Tenant))
            {
                ["timestamp"] = signed["timestamp"], ["signature"] = signed["signature"], ["reference"] = signed["reference"],
            };
            await new HttpFileRunner(client, copy, variables).RunAsync();
            var events = await DepositWebhook.WaitProcessedAsync(client, zoqq.Tenant, signed["reference"]);
            Assert.Equal("APPLIED", events[0].GetProperty("status").GetString());
        }
        finally
        {
            File.Delete(copy);
            File.Delete(body);
        }
    }

    [Fact]
    public void Helper_signature_is_the_servers_formula_over_the_written_bytes()
    {
        var body = Path.Combine(Path.GetTempPath(), $"deposit-{Guid.NewGuid():N}.json");
        try
        {
            var signed = Sign("7582757982", body, "dev-webhook-secret", timestamp: "1744193557");
            var bytes = File.ReadAllBytes(body);
            Assert.Equal(WebhookSignature.Sign("dev-webhook-secret", "1744193557", bytes), signed["signature"]);
            Assert.StartsWith("{\"event\":\"deposit.settled\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.Contains("\"account_number\":\"7582757982\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.NotEqual((byte)'\n', bytes[^1]);
        }
        finally
        {
            File.Delete(body);
        }
    }

    /// <summary>The dev credentials the files name, replaced by the test tenant's (Testing has no dev tenant).</summary>
    private static Dictionary<string, string> Credentials(Core.Tenancy.TenantRegistration tenant) => new()
    {
        ["baseUrl"] = string.Empty,
        ["apiKey"] = tenant.ApiKey,
        ["productId"] = tenant.ProductId,
        ["clientSecret"] = tenant.ClientSecret,
        ["partner"] = tenant.PartnerId,
    };

    /// <summary>Runs http/sign-webhook.sh and returns the variables it prints.</summary>
    private static Dictionary<string, string> Sign(string accountNumber, string output, string secret, string? timestamp)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(HttpDirectory, "sign-webhook.sh"), accountNumber, "12.50", "SGD"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEPOSIT_FILE"] = output;
        start.Environment["WEBHOOK_SECRET"] = secret;
        if (timestamp is not null)
        {
            start.Environment["TIMESTAMP"] = timestamp;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return stdout.Split('\n').Where(l => l.StartsWith('@'))
            .Select(l => l[1..].Split(" = ", 2)).ToDictionary(p => p[0], p => p[1].Trim());
    }
}
