namespace Accounts.Functions.Internal;

public sealed record InternalErrorDetail(string Code, string Message, string? Field);
