using Accounts.Core.Errors;
using Accounts.Core.Routing;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// Allocates NUBANs: a random 9-digit serial (first digit never 0) with its CBN 2020 check digit for the institution,
/// claimed by insert-if-absent. Two concurrent creates can draw the same serial, but only one claim succeeds; the
/// other draws again. With 900 million serials a retry is rare, so a run of failures means the store is unwell.
/// </summary>
public static class NubanNumberAllocator
{
    public const int MaxAttempts = 20;

    /// <param name="randomBelow">Uniform integer in [0, n); a cryptographic source in production.</param>
    /// <param name="tryClaim">Claims a candidate; false when another account holds it.</param>
    public static async Task<string> AllocateAsync(Institution institution, Func<int, int> randomBelow,
        Func<string, CancellationToken, Task<bool>> tryClaim, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidate = AccountNumberGenerator.Next(institution, randomBelow);
            if (await tryClaim(candidate, ct))
            {
                return candidate;
            }
        }

        throw DomainException.Unavailable($"no free account number could be allocated at {institution.Name}; retry later");
    }
}
