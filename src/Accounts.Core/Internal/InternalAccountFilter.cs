using Accounts.Core.Accounts;
using Accounts.Core.Dates;

namespace Accounts.Core.Internal;

/// <summary>List filters, already validated; null matches everything. <see cref="Created"/> is UTC, end exclusive.</summary>
public sealed record InternalAccountFilter(
    string? ParentId = null,
    string? AccountNumber = null,
    string? ExternalId = null,
    string? IdentityId = null,
    string? Type = null,
    string? Currency = null,
    AccountStatus? Status = null,
    DateWindow? Created = null)
{
    public bool Matches(Account account) =>
        (ParentId is null || account.ParentId == ParentId)
        && (AccountNumber is null || account.AccountNumber == AccountNumber)
        && (ExternalId is null || account.ExternalId == ExternalId)
        && (IdentityId is null || account.HolderId == IdentityId)
        && (Type is null || account.Type == Type)
        && (Currency is null || account.Currency == Currency)
        && (Status is null || account.Status == Status)
        && (Created is null || Created.Contains(account.CreatedAt));
}
