using System.Globalization;

namespace Accounts.Functions.Hosting;

/// <summary>Decides where Kestrel listens: the Functions host's port, explicit URLs, or the local default.</summary>
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
}
