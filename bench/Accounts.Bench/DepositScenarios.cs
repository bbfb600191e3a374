using System.Diagnostics;
using System.Globalization;

namespace Accounts.Bench;

/// <summary>An account deposits are sent to, and how its balance is read (one O(1) read per check).</summary>
public sealed record DepositTarget(string Number, Func<Task<decimal>> Balance);

/// <summary>How a burst of deposits went: the webhook calls, and the rate until every balance showed its deposits.</summary>
public sealed record DepositRun(Sample Webhooks, double AppliedPerSecond, double SecondsUntilApplied);

/// <summary>
/// Deposits end to end: signed webhooks into Zoqq accounts (SGD, one user each), then the users' balances are read until
/// each shows exactly what was sent to it. The rate counts from the first webhook to the last balance that showed it.
/// </summary>
public static class DepositScenarios
{
    public static async Task<DepositRun> RunAsync(BenchTenant tenant, HttpClient http, IReadOnlyList<DepositTarget> accounts,
        int deposits, string label)
    {
        const decimal amount = 1.25m;
        var clock = Stopwatch.StartNew();
        var webhooks = await Load.RunAsync(deposits, async i =>
        {
            var account = accounts[i % accounts.Count];
            using var request = tenant.Deposit($"{label}-{i}", account.Number, amount.ToString("F2", CultureInfo.InvariantCulture), "SGD");
            await BenchTenant.SendAsync(http, request, 202);
        });

        var expected = accounts.Select((a, index) => (a.Balance, Expected: amount * CountFor(index, accounts.Count, deposits))).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (expected.Count > 0)
        {
            var balances = new decimal[expected.Count];
            await Load.RunAsync(expected.Count, async i => balances[i] = await expected[i].Balance());
            if (balances.Where((b, i) => b > expected[i].Expected).Any())
            {
                throw new InvalidOperationException($"{label}: a balance exceeds what was deposited (a deposit applied twice)");
            }

            expected = expected.Where((e, i) => balances[i] != e.Expected).ToList();
            if (expected.Count > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{label}: {expected.Count} accounts did not show their deposits within 10 minutes");
                }

                await Task.Delay(50);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new DepositRun(webhooks, deposits / seconds, seconds);
    }

    private static int CountFor(int index, int accounts, int deposits) => deposits / accounts + (index < deposits % accounts ? 1 : 0);
}
