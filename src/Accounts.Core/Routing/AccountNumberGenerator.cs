using System.Globalization;

namespace Accounts.Core.Routing;

/// <summary>
/// Draws candidate account numbers for an institution: <see cref="Institution.AccountNumberLength"/> digits, the first
/// never 0 (so the number survives clients and spreadsheets that treat it as an integer). Nigerian institutions get a
/// NUBAN (nine drawn digits + check digit). Uniqueness is not decided here: the caller claims the number in the store
/// (insert-if-absent) and draws again when it is taken.
/// </summary>
public static class AccountNumberGenerator
{
    /// <param name="randomBelow">Returns a uniformly random integer in [0, n); a cryptographic source in production.</param>
    public static string Next(Institution institution, Func<int, int> randomBelow)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(randomBelow);

        if (institution.Country == "NG")
        {
            if (institution.AccountNumberLength != 10)
            {
                throw new InvalidOperationException($"{institution.Code}: NUBAN account numbers have 10 digits");
            }

            return Nuban.Create(institution.Code, long.Parse(Digits(9, randomBelow), CultureInfo.InvariantCulture));
        }

        return Digits(institution.AccountNumberLength, randomBelow);
    }

    private static string Digits(int length, Func<int, int> randomBelow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var digits = new char[length];
        digits[0] = (char)('1' + Draw(9, randomBelow));
        for (var i = 1; i < length; i++)
        {
            digits[i] = (char)('0' + Draw(10, randomBelow));
        }

        return new string(digits);
    }

    // A random source answering outside [0, n) would silently yield non-digits; fail loudly instead.
    private static int Draw(int n, Func<int, int> randomBelow)
    {
        var value = randomBelow(n);
        return value >= 0 && value < n
            ? value
            : throw new InvalidOperationException($"random source returned {value} for a draw below {n}");
    }
}
