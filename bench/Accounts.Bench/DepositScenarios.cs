using System.Diagnostics;
using System.Globalization;

namespace Accounts.Bench;

/// <summary>An account deposits are sent to, and how its balance is read (one O(1) read per check).</summary>
public sealed record DepositTarget(string Number, Func<Task<decimal>> Balance);

/// <summary>
/// Deposits end to end: signed webhooks into Zoqq accounts (SGD, one user each), then the users' balances are read until
/// each shows exactly what was sent to it (a balance above that fails the run: a deposit applied twice). The rate counts from the first webhook to the last balance that showed it.
/// Rounds repeat the same deposits (new references) into the same accounts, so after round r each account holds r + 1 times what one round sends it.
/// </summary>
public static class DepositScenarios
{
    public static async Task<Sample> RunAsync(BenchTenant tenant, HttpClient http, IReadOnlyList<DepositTarget> accounts,
        int deposits, string label, int round)
    {
        const decimal amount = 1.25m;
        var clock = Stopwatch.StartNew();
        var webhooks = await Load.RunAsync(deposits, async i =>
        {
            var account = accounts[i % accounts.Count];
            using var request = tenant.Deposit($"{label}-{round}-{i}", account.Number, amount.ToString("F2", CultureInfo.InvariantCulture), "SGD");
            await BenchTenant.SendAsync(http, request, 202);
        });

        // Checked in the order each account's last deposit was sent, a window of 32 at a time, moving on only once the
        // window shows everything: deposits are applied roughly in arrival order, so each balance is read about once.
        // Reading every pending account each round would load the app with reads while it applies the deposits.
        var pending = new Queue<(Func<Task<decimal>> Balance, decimal Expected)>(accounts
            .Select((a, index) => (a.Balance, Expected: amount * CountFor(index, accounts.Count, deposits) * (round + 1), Last: LastDeposit(index, accounts.Count, deposits)))
            .OrderBy(a => a.Last)
            .Select(a => (a.Balance, a.Expected)));
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        var window = new List<(Func<Task<decimal>> Balance, decimal Expected)>();
        while (pending.Count > 0 || window.Count > 0)
        {
            while (window.Count < Load.Concurrency && pending.TryDequeue(out var next))
            {
                window.Add(next);
            }

            var balances = new decimal[window.Count];
            await Task.WhenAll(window.Select(async (w, i) => balances[i] = await w.Balance()));
            if (balances.Where((b, i) => b > window[i].Expected).Any())
            {
                throw new InvalidOperationException($"{label}: a balance exceeds what was deposited (a deposit applied twice)");
            }

            var before = window.Count;
            window = window.Where((w, i) => balances[i] != w.Expected).ToList();
            if (window.Count == before)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{label}: {window.Count + pending.Count} accounts did not show their deposits within 10 minutes");
                }

                await Task.Delay(20);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // The rate is deposits applied per second; the latencies are the webhook calls'.
        return webhooks with { Seconds = seconds, PerSecond = deposits / seconds };
    }

    private static int CountFor(int index, int accounts, int deposits) => deposits / accounts + (index < deposits % accounts ? 1 : 0);

    // Deposit i goes to account i % accounts, so an account's last deposit is the last i with that remainder.
    private static int LastDeposit(int index, int accounts, int deposits) => index + (CountFor(index, accounts, deposits) - 1) * accounts;
}
