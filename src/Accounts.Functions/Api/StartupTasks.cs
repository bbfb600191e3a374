using Accounts.Core.Tenancy;
using Accounts.Storage;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Api;

/// <summary>
/// Creates the tables and registers the development tenant when configured, in the background so the server
/// starts listening at once. Failures are logged and retried with backoff; the gate opens on success.
/// </summary>
public sealed class StartupTasks(ITableInitializer tables, TenantDirectory tenants, IOptions<DevTenantOptions> devTenant,
    StartupGate gate, ILogger<StartupTasks> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!gate.IsOpen)
        {
            try
            {
                await RunAsync(stoppingToken);
                gate.Open();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                gate.AttemptFailed();
                logger.LogError(ex, "Storage start-up failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await tables.EnsureTablesAsync(ct);
        var dev = devTenant.Value;
        if (string.IsNullOrEmpty(dev.ApiKey))
        {
            return;
        }

        await tenants.RegisterAsync(new TenantRegistration(dev.Id, dev.Name, dev.ProductId, dev.PartnerId, dev.Environment,
            dev.ApiKey, dev.ClientSecret, dev.WebhookSecret), ct);
        logger.LogInformation("Development tenant {TenantId} registered (x-product-id {ProductId})", dev.Id, dev.ProductId);
    }
}
