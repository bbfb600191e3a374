using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Internal;
using Accounts.Functions.Internal;

namespace Accounts.Functions.Tests.Internal;

public class InternalAccountMapperTests
{
    private static readonly InternalCustodyOptions Custody = new()
    {
        CustodyAccounts =
        [
            new() { Custody = "Acme Trust", Currency = "PKR", AccountNumber = "PK36SCBL0000001123456702", Bank = "Acme Bank", TypeAccount = "OMNIBUS", Country = "PK" },
        ],
    };

    [Fact]
    public void The_custody_bank_account_is_matched_by_custody_and_currency()
    {
        var wire = InternalAccountMapper.ToWire(View("acme trust", "PKR"), "Tenant", Custody);

        Assert.Equal(new InternalCustodyBankAccount("PK36SCBL0000001123456702", "Acme Bank", "PKR", "OMNIBUS", "PK"), wire.CustodyBankAccount);
        Assert.Null(InternalAccountMapper.ToWire(View("acme trust", "USD"), "Tenant", Custody).CustodyBankAccount);
        Assert.Null(InternalAccountMapper.ToWire(View("other", "PKR"), "Tenant", Custody).CustodyBankAccount);
    }

    [Fact]
    public void Amounts_are_decimal_strings_with_the_currencys_decimals()
    {
        var wire = InternalAccountMapper.ToWire(View("x", "PKR") with { Balance = 12345, Available = 5, SubBalance = 100, SubAvailable = 0 }, "T", Custody);

        Assert.Equal(("123.45", "0.05", "1.00", "0.00"), (wire.Balance, wire.AvailableFunds, wire.SubAccounts.Balance, wire.SubAccounts.AvailableFunds));
    }

    private static InternalAccountView View(string custody, string currency) => new(new Account
    {
        Id = "a",
        TenantId = "t",
        Kind = AccountKind.Internal,
        HolderId = "identity",
        AccountNumber = "100000000001",
        InstitutionCode = NumberSource.InternalReference.InstitutionCode,
        Currency = currency,
        Country = string.Empty,
        Type = "REAL",
        Status = AccountStatus.Active,
        BookId = "t|acct|a",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Attributes = new Dictionary<string, string> { [InternalAttributes.Custody] = custody },
    }, 0, 0, 0, 0);
}
