using Accounts.Core.Accounts;
using Accounts.Core.Entities;

namespace Accounts.Core.Tests.Entities;

public sealed class EntityDepositCheckTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static readonly Entity Holder = new()
    {
        Id = "entity-1", TenantId = "tenant-1", Type = EntityType.Personal, Name = "Thandi", Country = "ZAF",
        Status = EntityStatus.Approved, CreatedAt = Now, UpdatedAt = Now,
    };

    private static readonly Account Open = new()
    {
        Id = "account-1", TenantId = "tenant-1", Kind = AccountKind.Entity, HolderId = "entity-1", AccountNumber = "6200000001",
        InstitutionCode = "vertex-ZAF", Currency = "ZAR", Country = "ZAF", Type = "personal", Status = AccountStatus.Active,
        BookId = "tenant-1|acct|account-1", CreatedAt = Now, UpdatedAt = Now,
    };

    [Fact]
    public void An_active_account_takes_its_own_currency() =>
        Assert.Null(EntityDepositCheck.Refusal(Open, Holder, "zar"));

    [Theory]
    [InlineData(AccountStatus.Closed, "CLOSED")]
    [InlineData(AccountStatus.Blocked, "BLOCKED")]
    [InlineData(AccountStatus.Inactive, "INACTIVE")]
    public void An_account_that_is_not_active_refuses(AccountStatus status, string mentioned) =>
        Assert.Contains(mentioned, EntityDepositCheck.Refusal(Open with { Status = status }, Holder, "ZAR"));

    [Fact]
    public void Another_currency_is_refused_naming_both() =>
        Assert.Equal("account 6200000001 holds ZAR and cannot receive USD", EntityDepositCheck.Refusal(Open, Holder, "USD"));

    [Fact]
    public void An_account_of_another_entity_or_kind_is_refused()
    {
        Assert.NotNull(EntityDepositCheck.Refusal(Open with { HolderId = "entity-2" }, Holder, "ZAR"));
        Assert.NotNull(EntityDepositCheck.Refusal(Open with { Kind = AccountKind.Global }, Holder, "ZAR"));
    }
}
