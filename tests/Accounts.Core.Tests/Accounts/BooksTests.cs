using Accounts.Core.Accounts;

namespace Accounts.Core.Tests.Accounts;

/// <summary>Book ids are stored as ledger partitions and on account rows, so their spelling is pinned here.</summary>
public class BooksTests
{
    [Fact]
    public void An_account_book_is_named_by_tenant_and_account() =>
        Assert.Equal("t-1|acct|a-9", Books.OfAccount("t-1", "a-9"));

    [Fact]
    public void A_wallet_book_is_named_by_tenant_and_user() =>
        Assert.Equal("t-1|wallet|u-9", Books.OfWallet("t-1", "u-9"));
}
