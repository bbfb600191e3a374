namespace Accounts.Storage;

/// <summary>The rule for a storage service endpoint setting (Storage:TableEndpoint, Storage:QueueEndpoint).</summary>
public static class StorageEndpoint
{
    /// <summary>An absolute http(s) URI, or null for an empty setting; anything else is refused naming the setting.</summary>
    public static Uri? Parse(string key, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri
        : throw new FormatException($"{key} must be an absolute http(s) URI, not '{text}'");
}
