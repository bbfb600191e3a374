using System.Text.Json.Serialization;

namespace Accounts.Functions.Nuban;

/// <summary>One account of GET /v1/accounts; <c>reference</c> (promised by the seed for dynamic accounts) only on those.</summary>
public sealed record NubanListItem(
    string Id,
    string MerchantId,
    string Environment,
    string Currency,
    string BankName,
    string AccountName,
    string AccountNumber,
    string AccountType,
    string AccountCategory,
    string Status,
    string CreatedAt,
    string? ExpiryTime,
    bool IsExpired)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reference { get; init; }
}
