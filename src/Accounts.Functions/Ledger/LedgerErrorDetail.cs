namespace Accounts.Functions.Ledger;

public sealed record LedgerErrorDetail(string Code, string Message, string? Field);
