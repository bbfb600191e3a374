using Accounts.Functions.Api;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// The real app (Program) in memory over its own Azurite on free ports, in the "Testing" environment
/// (so it never starts the Development Azurite) with its own table prefix. Share it through
/// <see cref="AppCollection"/> or <c>IClassFixture&lt;AppFixture&gt;</c>; tests stay independent by
/// creating their own tenants and data, never by relying on what another test wrote.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string EnvironmentName = TestingAppFactory.EnvironmentName;

    private readonly AzuriteFixture _azurite = new();
    private readonly bool _underFunctionsHost;
    private readonly Action<IWebHostBuilder>? _configure;
    private TestingAppFactory? _factory;

    public AppFixture()
        : this(underFunctionsHost: false, configure: null)
    {
    }

    /// <summary>For a fixture that starts the app another way, e.g. as the Functions host does.</summary>
    protected AppFixture(bool underFunctionsHost, Action<IWebHostBuilder>? configure)
    {
        _underFunctionsHost = underFunctionsHost;
        _configure = configure;
    }

    /// <summary>"t" and 8 random lowercase letters; every table this app instance uses starts with it.</summary>
    public string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>What the app logged at Error or above: tells why an answer was a 500 when a test sees one.</summary>
    public CapturedLogs Errors { get; } = new(LogLevel.Error);

    /// <summary>The app's root services, e.g. to seed data through the same stores the endpoints use.</summary>
    public IServiceProvider Services => Factory.Services;

    private TestingAppFactory Factory =>
        _factory ?? throw new InvalidOperationException("AppFixture is not initialized; use it as an xUnit fixture.");

    /// <summary>
    /// A client for the in-memory server. It neither follows redirects nor keeps cookies, because API clients
    /// do neither and tests must see each response as sent.
    /// </summary>
    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _factory = new TestingAppFactory(_azurite.ConnectionString, TablePrefix, builder =>
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Errors));
            _configure?.Invoke(builder);
        }, _underFunctionsHost);

        // Start the host now, so a broken startup fails here with its own exception rather than in the first test,
        // and wait for the tables, because tests seed data through the stores directly.
        await _factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}
