using Accounts.Core.Tenancy;
using Accounts.Storage;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Api;

/// <summary>Creates the tables and, when configured, registers the development tenant before requests are served.</summary>
public sealed class StartupTasks(TableInitializer tables, TenantDirectory tenants, IOptions<DevTenantOptions> devTenant,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureTablesAsync(cancellationToken);
        var dev = devTenant.Value;
        if (string.IsNullOrEmpty(dev.ApiKey))
        {
            return;
        }

        await tenants.RegisterAsync(new TenantRegistration(dev.Id, dev.Name, dev.ProductId, dev.PartnerId, dev.Environment,
            dev.ApiKey, dev.ClientSecret, dev.WebhookSecret), cancellationToken);
        logger.LogInformation("Development tenant {TenantId} registered (x-product-id {ProductId})", dev.Id, dev.ProductId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
