using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace Accounts.Storage.Tables;

/// <summary>
/// Builds the table service clients from <see cref="TableStorageOptions"/>: a connection string (Azurite, account
/// keys) or an endpoint reached with a token credential (DefaultAzureCredential: managed identity in Azure, a
/// developer's login locally). Exactly one must be given, so a deployment never silently falls back to keys.
/// </summary>
public static class StorageClients
{
    /// <summary>The client for <paramref name="clientOptions"/>; <paramref name="credential"/> is asked for only with an endpoint.</summary>
    public static TableServiceClient Create(
        TableStorageOptions options, TableClientOptions clientOptions, Func<TokenCredential>? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : options.ConnectionString;
        return (connectionString, options.TableEndpoint) switch
        {
            ({ } cs, null) => new TableServiceClient(cs, clientOptions),
            (null, { } endpoint) => new TableServiceClient(RequireAbsolute(endpoint), (credential ?? DefaultCredential)(), clientOptions),
            (null, null) => throw new ArgumentException("Storage needs a ConnectionString or a TableEndpoint", nameof(options)),
            _ => throw new ArgumentException("Storage takes a ConnectionString or a TableEndpoint, not both", nameof(options)),
        };
    }

    internal static TokenCredential DefaultCredential() => new DefaultAzureCredential();

    private static Uri RequireAbsolute(Uri endpoint) =>
        endpoint.IsAbsoluteUri && endpoint.Scheme is "https" or "http"
            ? endpoint
            : throw new ArgumentException($"TableEndpoint must be an absolute http(s) URI, not '{endpoint}'", nameof(endpoint));
}
