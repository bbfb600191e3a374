namespace Accounts.Core.Notifications;

/// <summary>
/// Where a tenant receives notifications. <see cref="EventTypes"/> empty means every type. Secrets are kept sealed
/// (<see cref="Security.SecretBox"/>, bound to tenant and endpoint): the current one signs, and during a rotation's
/// overlap (until <see cref="PreviousValidUntil"/>) the previous one signs too, so a receiver can switch over.
/// </summary>
public sealed record WebhookEndpoint(
    string TenantId,
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    bool Enabled,
    string SealedSecret,
    string? SealedPreviousSecret,
    DateTimeOffset? PreviousValidUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Version = null)
{
    public bool Wants(string type) => Enabled && (EventTypes.Count == 0 || EventTypes.Contains(type, StringComparer.Ordinal));
}
