using System.Globalization;

namespace Accounts.Functions.Hosting;

/// <summary>
/// Decides where Kestrel listens: the Functions host's port, explicit URLs, or the local default. The host sets
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and always calls <c>http://127.0.0.1:{port}</c> (Azure/azure-functions-host at
/// 89dc438: src/WebJobs.Script/Workers/Http/HttpWorkerProcess.cs sets the variable; DefaultHttpWorkerService.BuildAndGetUri
/// uses WorkerConstants.HostName, "127.0.0.1").
/// </summary>
public static class ListenAddress
{
    public const string CustomHandlerPortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string LegacyHttpWorkerPortKey = "FUNCTIONS_HTTPWORKER_PORT";
    public const string LocalDefault = "http://127.0.0.1:7071";

    /// <summary>True when the Functions host started this process (it always sets the port).</summary>
    public static bool IsUnderFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CustomHandlerPortKey]) ||
        !string.IsNullOrWhiteSpace(configuration[LegacyHttpWorkerPortKey]);

    /// <summary>
    /// Returns the URL to listen on, or null to keep URLs given by --urls/ASPNETCORE_URLS. The host's port
    /// wins over everything because the host only ever calls http://127.0.0.1:{port}.
    /// </summary>
    public static string? Resolve(IConfiguration configuration)
    {
        var port = configuration[CustomHandlerPortKey];
        if (string.IsNullOrWhiteSpace(port))
        {
            port = configuration[LegacyHttpWorkerPortKey];
        }

        if (!string.IsNullOrWhiteSpace(port))
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"The Functions host passed an invalid handler port '{port}'.");
            }

            return $"http://127.0.0.1:{number}";
        }

        return string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) ? LocalDefault : null;
    }

    /// <summary>
    /// Applies <see cref="Resolve"/>. Under the host it is the only address: the invocation routes are served there and
    /// must not be reachable from anywhere but this machine. <c>UseUrls</c> beats <c>--urls</c>, <c>ASPNETCORE_URLS</c> and
    /// <c>ASPNETCORE_HTTP_PORTS</c>, but endpoints in configuration (<c>Kestrel:Endpoints</c>, settable from any app
    /// setting) would be bound instead, so those are dropped.
    /// </summary>
    public static void Apply(IWebHostBuilder webHost, IConfiguration configuration)
    {
        if (Resolve(configuration) is { } url)
        {
            webHost.UseUrls(url);
        }

        if (IsUnderFunctionsHost(configuration))
        {
            // Runs after the default Configure(config.GetSection("Kestrel")) and replaces its loader with an empty one.
            webHost.ConfigureKestrel(kestrel => kestrel.Configure());
        }
    }
}
