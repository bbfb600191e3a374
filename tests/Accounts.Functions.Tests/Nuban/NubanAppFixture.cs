using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>
/// The real app over its own Azurite, like <see cref="AppFixture"/>, with <see cref="Clock"/> in place of the system
/// clock. The clock only moves forward and every test makes its own tenant, so tests stay independent.
/// </summary>
public sealed class NubanAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private TestingAppFactory? _root;
    private WebApplicationFactory<Program>? _factory;
    private WebApplicationFactory<Program>? _underFunctionsHost;

    public ShiftedClock Clock { get; } = new();

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory =>
        _factory ?? throw new InvalidOperationException("NubanAppFixture is not initialized; use it as an xUnit fixture.");

    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// A client of the same app (same storage and clock) started as the Functions host starts it: only there are the
    /// JSON-invocation routes such as POST /ExpireDynamicAccounts served.
    /// </summary>
    public HttpClient CreateFunctionsHostClient()
    {
        _underFunctionsHost ??= (_root ?? throw new InvalidOperationException("NubanAppFixture is not initialized."))
            .WithWebHostBuilder(b =>
            {
                TestingAppFactory.RunUnderFunctionsHost(b);
                b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
            });
        return _underFunctionsHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _root = new TestingAppFactory(_azurite.ConnectionString, AzuriteFixture.NewTablePrefix());
        _factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        await _factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_underFunctionsHost is not null)
        {
            await _underFunctionsHost.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}
