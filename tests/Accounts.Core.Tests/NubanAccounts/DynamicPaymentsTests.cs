using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class DynamicPaymentsTests
{
    [Theory]
    [InlineData(new long[] { 4_000 }, 4_000, PaymentStatus.PartiallyPaid)]
    [InlineData(new long[] { 4_000, 6_000 }, 10_000, PaymentStatus.Paid)]
    [InlineData(new long[] { 10_000 }, 10_000, PaymentStatus.Paid)]
    [InlineData(new long[] { 9_999, 2 }, 10_001, PaymentStatus.Overpaid)]
    [InlineData(new long[] { 25_000 }, 25_000, PaymentStatus.Overpaid)]
    public void Deposits_add_up_against_the_expected_amount(long[] deposits, long paid, PaymentStatus status)
    {
        var account = SampleAccounts.Dynamic(expectedMinor: 10_000);
        for (var i = 0; i < deposits.Length; i++)
        {
            account = DynamicPayments.Apply(account, $"dep-{i}", deposits[i])!;
        }

        Assert.Equal((paid, status), (DynamicPayments.PaidMinor(account), DynamicPayments.Status(account)));
    }

    [Fact]
    public void A_new_account_is_pending_with_nothing_paid()
    {
        var account = SampleAccounts.Dynamic();

        Assert.Equal((0L, PaymentStatus.Pending), (DynamicPayments.PaidMinor(account), DynamicPayments.Status(account)));
    }

    [Fact]
    public void A_deposit_reference_counts_once()
    {
        var once = DynamicPayments.Apply(SampleAccounts.Dynamic(), "dep-1", 4_000)!;

        Assert.Null(DynamicPayments.Apply(once, "dep-1", 4_000));
        Assert.Equal(8_000, DynamicPayments.PaidMinor(DynamicPayments.Apply(once, "dep-2", 4_000)!));
    }

    [Fact]
    public void Static_accounts_and_bad_deposits_are_programming_errors()
    {
        Assert.Throws<InvalidOperationException>(() => DynamicPayments.Apply(SampleAccounts.Static(), "d", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DynamicPayments.Apply(SampleAccounts.Dynamic(), "d", 0));
        Assert.Throws<ArgumentException>(() => DynamicPayments.Apply(SampleAccounts.Dynamic(), "a\nb", 1));
    }
}
