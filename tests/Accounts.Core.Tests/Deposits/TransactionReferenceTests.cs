using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;

namespace Accounts.Core.Tests.Deposits;

public class TransactionReferenceTests
{
    [Theory]
    [InlineData("dep:vx-1:settled", "vx-1")]
    [InlineData("dep:vx-1:pending", "vx-1")]
    [InlineData("dep:vx-1:reversed", "vx-1")]
    [InlineData("dep:a:b:rejected", "a:b")] // a provider reference may itself contain colons
    [InlineData("acct:a-1:closed", "acct:a-1:closed")]
    [InlineData("payout-7", "payout-7")]
    public void A_deposit_entry_shows_the_deposit_reference_and_other_entries_their_own(string ledgerReference, string shown) =>
        Assert.Equal(shown, Transaction.ReferenceOf(Entry(ledgerReference)));

    private static LedgerEntry Entry(string reference) => new("e", "book", 1, "acct", reference, EntryType.Deposit, Direction.Credit,
        EntryStatus.Settled, new Money.Money(1, new Currency("USD", 2)), 0, default, 1, 1, "d", null, null, DateTimeOffset.UnixEpoch,
        BookHead.GenesisHash, "h");
}
