namespace Accounts.Functions.Hosting;

/// <summary>
/// The blob, queue and table endpoints a storage connection string points at, parsed the way the
/// Azure SDKs do: development storage, explicit *Endpoint keys, or account name plus endpoint suffix.
/// </summary>
public sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The connection string the app uses: Storage:ConnectionString, then AzureWebJobsStorage, then Azurite.</summary>
    public static string ResolveConnectionString(IConfiguration configuration)
    {
        var configured = configuration["Storage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["AzureWebJobsStorage"];
        }

        return string.IsNullOrWhiteSpace(configured) ? DevelopmentStorage : configured;
    }

    public static StorageEndpoints Parse(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: account keys are base64 and end in '='.
            var separator = pair.IndexOf('=');
            if (separator <= 0)
            {
                throw new FormatException("The storage connection string has a setting without '='.");
            }

            settings[pair[..separator].Trim()] = pair[(separator + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var isDevelopment) && isDevelopment)
        {
            return new StorageEndpoints(new Uri("http://127.0.0.1:10000"), new Uri("http://127.0.0.1:10001"), new Uri("http://127.0.0.1:10002"));
        }

        return new StorageEndpoints(Endpoint(settings, "blob"), Endpoint(settings, "queue"), Endpoint(settings, "table"));
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string service)
    {
        var key = char.ToUpperInvariant(service[0]) + service[1..] + "Endpoint";
        if (settings.TryGetValue(key, out var explicitEndpoint))
        {
            return new Uri(explicitEndpoint);
        }

        if (!settings.TryGetValue("AccountName", out var account))
        {
            throw new FormatException($"The storage connection string has neither {key} nor AccountName.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{protocol}://{account}.{service}.{suffix}");
    }
}
