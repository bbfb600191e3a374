namespace Accounts.Functions.Deposits;

/// <summary>The deposit event a provider posts (schema in the README). Amount is a decimal string.</summary>
public sealed record DepositWebhookBody(
    string? Event,
    string? Reference,
    string? AccountNumber,
    string? Amount,
    string? Currency,
    DepositSenderBody? Sender,
    string? Narration,
    string? OccurredAt);

public sealed record DepositSenderBody(string? Name, string? AccountNumber, string? Bank);
