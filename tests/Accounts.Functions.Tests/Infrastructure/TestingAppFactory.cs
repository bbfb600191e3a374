using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in the "Testing" environment (never its own Azurite) over the given storage; <paramref name="configure"/>
/// lets a test add settings or replace services.
/// </summary>
public sealed class TestingAppFactory(string storageConnectionString, string? tablePrefix, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public const string EnvironmentName = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName).UseSetting("Storage:ConnectionString", storageConnectionString);
        if (tablePrefix is not null)
        {
            builder.UseSetting("Storage:TablePrefix", tablePrefix);
        }

        configure?.Invoke(builder);
    }
}
