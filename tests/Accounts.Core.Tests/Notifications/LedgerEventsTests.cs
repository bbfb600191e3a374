using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Notifications;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Notifications;

public sealed class LedgerEventsTests
{
    private static readonly Currency Ngn = Currency.Parse("NGN", "currency");

    [Fact]
    public void A_settled_deposit_paying_a_dynamic_account_in_full_is_a_settlement_and_a_PAID_change()
    {
        var account = SampleAccounts.Dynamic(expectedMinor: 10_000);

        var events = LedgerEvents.For(account, Settled("dep:ref-1:settled", 10_000, postedAfter: 10_000, sequence: 3));

        Assert.Equal(["deposit.settled", "account.paid"], events.Select(e => e.Type));
        var paid = Data(events[1]);
        Assert.Equal("PAID", paid.GetProperty("payment_status").GetString());
        Assert.Equal("100.00", paid.GetProperty("expected_amount").GetString());
        Assert.Equal("100.00", paid.GetProperty("amount_paid").GetString());
        var settled = Data(events[0]);
        Assert.Equal("100.00", settled.GetProperty("amount").GetString());
        Assert.Equal("NGN", settled.GetProperty("currency").GetString());
        Assert.Equal("nuban", settled.GetProperty("dialect").GetString());
        Assert.Equal(3, settled.GetProperty("sequence").GetInt64());
        Assert.Equal("ref-1", settled.GetProperty("reference").GetString());
    }

    [Fact]
    public void Partial_then_excess_payments_are_PARTIALLY_PAID_then_OVERPAID_and_an_unchanged_state_is_no_event()
    {
        var account = SampleAccounts.Dynamic(expectedMinor: 10_000);

        var first = LedgerEvents.For(account, Settled("dep:a:settled", 4_000, postedAfter: 4_000, sequence: 1));
        var second = LedgerEvents.For(account, Settled("dep:b:settled", 1_000, postedAfter: 5_000, sequence: 2));
        var third = LedgerEvents.For(account, Settled("dep:c:settled", 6_000, postedAfter: 11_000, sequence: 3));

        Assert.Equal(["deposit.settled", "account.partially_paid"], first.Select(e => e.Type));
        Assert.Equal(["deposit.settled"], second.Select(e => e.Type));
        Assert.Equal(["deposit.settled", "account.overpaid"], third.Select(e => e.Type));
    }

    [Fact]
    public void Ids_come_from_the_book_and_reference_so_making_them_again_gives_the_same_ids()
    {
        var account = SampleAccounts.Dynamic();
        var entry = Settled("dep:x:settled", 500, postedAfter: 500, sequence: 1);

        var once = LedgerEvents.For(account, entry);
        var again = LedgerEvents.For(account, entry);
        var other = LedgerEvents.For(account, entry with { Reference = "dep:y:settled" });
        var otherBook = LedgerEvents.For(account, entry with { BookId = "t2|acct|acct-dyn" });

        Assert.Equal(once.Select(e => e.Id), again.Select(e => e.Id));
        Assert.Equal(once.Select(e => e.Payload), again.Select(e => e.Payload));
        Assert.NotEqual(once[0].Id, otherBook[0].Id);
        Assert.NotEqual(once[0].Id, other[0].Id);
        Assert.Equal(2, once.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void A_refused_credit_is_a_rejection_with_refund_due_and_a_closure_is_account_closed()
    {
        var account = SampleAccounts.Static();
        var refused = Settled("dep:r:settled", 700, postedAfter: 0, sequence: 5) with
        {
            Status = EntryStatus.Failed,
            Delta = default,
            Description = "Refused deposit r: account 4097553755 is closed; refund due",
        };
        var closure = Settled("acct:acct-static:closed", 0, postedAfter: 0, sequence: 6) with { Type = EntryType.Closure, Delta = default };

        var rejected = Assert.Single(LedgerEvents.For(account, refused));
        var closed = Assert.Single(LedgerEvents.For(account, closure));

        Assert.Equal("deposit.rejected", rejected.Type);
        Assert.True(Data(rejected).GetProperty("refund_due").GetBoolean());
        Assert.Contains("is closed", Data(rejected).GetProperty("reason").GetString());
        Assert.Equal("account.closed", closed.Type);
        Assert.Equal(6, Data(closed).GetProperty("sequence").GetInt64());
    }

    private static JsonElement Data(NotificationEvent e) => JsonDocument.Parse(e.Payload).RootElement.GetProperty("data");

    private static LedgerEntry Settled(string reference, long minor, long postedAfter, long sequence) => new(
        Guid.CreateVersion7().ToString(), "t1|acct|acct-dyn", sequence, "acct-dyn", reference, EntryType.Deposit, Direction.Credit,
        EntryStatus.Settled, new Money.Money(minor, Ngn), 0, new BalanceDelta(minor, 0, 0), postedAfter, postedAfter, "Deposit",
        null, null, DateTimeOffset.UtcNow, string.Empty, "hash");
}
