namespace Accounts.Functions.Zoqq;

public sealed record ZoqqBalance(string Currency, decimal AvailableBalance, decimal PendingAmount, decimal ReservedAmount);

public sealed record ZoqqTransaction(
    decimal Amount,
    string CreateTime,
    string Description,
    string Currency,
    string Id,
    string Type,
    string Status);

public sealed record ZoqqBalanceChange(
    string Id,
    decimal Amount,
    string Currency,
    decimal Balance,
    string Description,
    decimal Fee,
    string CreateTime,
    string SourceType,
    string TransactionType);
