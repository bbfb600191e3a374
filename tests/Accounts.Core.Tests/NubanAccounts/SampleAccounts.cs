using Accounts.Core.Accounts;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>NUBAN accounts as the service creates them, for tests of the pure rules.</summary>
internal static class SampleAccounts
{
    public static readonly DateTimeOffset Created = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static Account Dynamic(long expectedMinor = 10_000, int minutes = 30, AccountStatus status = AccountStatus.Active) => new()
    {
        Id = "acct-dyn",
        TenantId = "t1",
        Kind = AccountKind.NubanDynamic,
        HolderId = "acct-dyn",
        AccountNumber = "4097553755",
        InstitutionCode = "090409",
        Currency = "NGN",
        Country = "NG",
        Type = "DYNAMIC",
        Status = status,
        BookId = "t1|acct|acct-dyn",
        ExpiresAt = Created.AddMinutes(minutes),
        ExpectedAmountMinor = expectedMinor,
        CreatedAt = Created,
        UpdatedAt = Created,
        Version = "v1",
    };

    public static Account Static(AccountStatus status = AccountStatus.Active) => Dynamic(status: status) with
    {
        Id = "acct-static",
        Kind = AccountKind.NubanStatic,
        Type = "STATIC",
        ExpiresAt = null,
        ExpectedAmountMinor = null,
        Attributes = new Dictionary<string, string>(),
    };
}
