namespace Accounts.Functions.Hosting;

public sealed record ReadinessResponse(string Status);
