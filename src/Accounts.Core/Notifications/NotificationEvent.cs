namespace Accounts.Core.Notifications;

/// <summary>
/// One event for a tenant. <see cref="Id"/> is derived from what caused it (the book and the ledger reference of the
/// entry), so a redelivered deposit or a second dispatch of the same commit finds the same event instead of making
/// another. <see cref="Payload"/> is the JSON body sent, fixed when the event is made so every attempt sends the same bytes.
/// </summary>
public sealed record NotificationEvent(
    string TenantId,
    string Id,
    string Type,
    string AccountId,
    long Sequence,
    DateTimeOffset CreatedAt,
    string Payload);
