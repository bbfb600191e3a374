using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The app over its own tables behind a <see cref="CountingStorageProxy"/>, started and ready: what it asks of storage
/// is counted. <paramref name="configure"/> adds the test's settings.
/// </summary>
public sealed class CountedApp : IAsyncDisposable
{
    private CountedApp(string prefix, CountingStorageProxy proxy, TestingAppFactory factory)
    {
        Prefix = prefix;
        Proxy = proxy;
        Factory = factory;
    }

    /// <summary>The app's table prefix, for reading its tables past the proxy.</summary>
    public string Prefix { get; }

    public CountingStorageProxy Proxy { get; }

    public TestingAppFactory Factory { get; }

    public static async Task<CountedApp> StartAsync(AppFixture app, Action<IWebHostBuilder>? configure = null)
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var proxy = await CountingStorageProxy.StartAsync(app.StorageConnectionString, prefix);
        var factory = await StartedAsync(new TestingAppFactory(proxy.ConnectionString, prefix, configure));
        return new CountedApp(prefix, proxy, factory);
    }

    /// <summary>Another instance of the app over the same tables and proxy (its requests are counted too); the caller disposes it.</summary>
    public Task<TestingAppFactory> StartOtherInstanceAsync(Action<IWebHostBuilder>? configure = null) =>
        StartedAsync(new TestingAppFactory(Proxy.ConnectionString, Prefix, configure));

    private static async Task<TestingAppFactory> StartedAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
