using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class DynamicPaymentsTests
{
    [Theory]
    [InlineData(0, PaymentStatus.Pending)]
    [InlineData(-500, PaymentStatus.Pending)]
    [InlineData(4_000, PaymentStatus.PartiallyPaid)]
    [InlineData(9_999, PaymentStatus.PartiallyPaid)]
    [InlineData(10_000, PaymentStatus.Paid)]
    [InlineData(10_001, PaymentStatus.Overpaid)]
    public void The_paid_amount_is_matched_against_the_expected_amount(long paid, PaymentStatus status) =>
        Assert.Equal(status, DynamicPayments.StatusFor(paid, expectedMinor: 10_000));
}
