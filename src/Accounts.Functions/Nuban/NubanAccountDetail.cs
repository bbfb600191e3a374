using System.Text.Json.Serialization;

namespace Accounts.Functions.Nuban;

/// <summary>
/// data of get static / get dynamic / close: the seed's fields, then what its descriptions promise beyond the
/// examples (the customer's contacts for static accounts; reference, amount and payment state for dynamic ones),
/// which are left out where they do not apply.
/// </summary>
public sealed record NubanAccountDetail(
    string Id,
    string MerchantId,
    string Environment,
    string Currency,
    string BankName,
    string BankCode,
    string AccountName,
    string AccountNumber,
    string UpdatedAt,
    string CreatedAt,
    decimal BookedBalance,
    decimal AvailableBalance,
    string Status,
    bool Updated,
    string? UserId,
    string AccountType,
    string? ExpiryTime,
    string AccountCategory,
    string Tier)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PhoneNumber { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reference { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Amount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? AmountPaid { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaymentStatus { get; init; }

    /// <summary>The create response and the get-dynamic description call expiry_time this; both are given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpirationTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}
