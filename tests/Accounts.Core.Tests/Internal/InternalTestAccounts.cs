using Accounts.Core.Accounts;

namespace Accounts.Core.Tests.Internal;

internal static class InternalTestAccounts
{
    public static Account Pkr(AccountStatus status = AccountStatus.Active, string id = "a-1", long ticks = 0) => new()
    {
        Id = id,
        TenantId = "t-1",
        Kind = AccountKind.Internal,
        HolderId = "identity",
        AccountNumber = "123456789012",
        InstitutionCode = "INTERNAL",
        Currency = "PKR",
        Country = string.Empty,
        Type = "REAL",
        Status = status,
        BookId = "t-1|acct|" + id,
        CreatedAt = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks),
        UpdatedAt = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
