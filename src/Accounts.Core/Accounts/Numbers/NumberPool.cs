using Accounts.Core.Money;

namespace Accounts.Core.Accounts.Numbers;

/// <summary>
/// The account numbers of one country, handed out in order: index 0 is the first number of the first range, and so
/// on through every range. Accounts in this country hold <see cref="Currency"/>.
/// </summary>
public sealed record NumberPool(string Country, Currency Currency, IReadOnlyList<NumberRange> Ranges)
{
    /// <summary>Claims of numbers from this pool are kept under this institution code, so they never collide with others.</summary>
    public string InstitutionCode => $"vertex-{Country}";

    public long Size => Ranges.Sum(r => r.Size);

    /// <summary>The number at <paramref name="index"/> (0 ≤ index &lt; <see cref="Size"/>).</summary>
    public string NumberAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        foreach (var range in Ranges)
        {
            if (index < range.Size)
            {
                return range.Format(range.From + index);
            }

            index -= range.Size;
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, $"Pool {Country} has only {Size} numbers");
    }
}
