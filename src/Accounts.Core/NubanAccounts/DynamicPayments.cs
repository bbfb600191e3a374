using System.Globalization;
using Accounts.Core.Accounts;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// A dynamic account's payment state: the sum of credited deposits against the expected amount. Pure; each deposit
/// reference counts once, so the pipeline may safely repeat a call after a crash.
/// </summary>
public static class DynamicPayments
{
    public static long PaidMinor(Account account) =>
        long.Parse(account.Attribute(NubanAttributes.AmountPaid) ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);

    public static PaymentStatus Status(Account account) =>
        Enum.Parse<PaymentStatus>(account.Attribute(NubanAttributes.PaymentStatus) ?? nameof(PaymentStatus.Pending));

    public static PaymentStatus StatusFor(long paidMinor, long expectedMinor) => paidMinor switch
    {
        0 => PaymentStatus.Pending,
        _ when paidMinor < expectedMinor => PaymentStatus.PartiallyPaid,
        _ when paidMinor == expectedMinor => PaymentStatus.Paid,
        _ => PaymentStatus.Overpaid,
    };

    /// <summary>The account with the deposit counted, or null when this reference was already counted.</summary>
    public static Account? Apply(Account account, string depositReference, long amountMinor)
    {
        if (account.Kind != AccountKind.NubanDynamic || account.ExpectedAmountMinor is not { } expected)
        {
            throw new InvalidOperationException($"account {account.Id} is not a dynamic account with an expected amount");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountMinor);
        if (string.IsNullOrEmpty(depositReference) || depositReference.Contains('\n'))
        {
            throw new ArgumentException("deposit reference must be non-empty and on one line", nameof(depositReference));
        }

        var counted = (account.Attribute(NubanAttributes.PaymentReferences) ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (counted.Contains(depositReference, StringComparer.Ordinal))
        {
            return null;
        }

        var paid = checked(PaidMinor(account) + amountMinor);
        var attributes = new Dictionary<string, string>(account.Attributes)
        {
            [NubanAttributes.AmountPaid] = paid.ToString(CultureInfo.InvariantCulture),
            [NubanAttributes.PaymentStatus] = StatusFor(paid, expected).ToString(),
            [NubanAttributes.PaymentReferences] = string.Join('\n', counted.Append(depositReference)),
        };
        return account with { Attributes = attributes };
    }
}
