using Accounts.Core.Accounts;

namespace Accounts.Core.Global;

public sealed record GlobalAccountFilter(string? Id, string? Currency, AccountStatus? Status);
