using Accounts.Core.Accounts;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Once armed, makes the worker's account lookup for one number hang until the app stops: a worker caught in the middle
/// of applying a message, which it never deletes or releases.
/// </summary>
public sealed class HangingLookups
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _number;

    /// <summary>Completes when a lookup of the armed number started hanging.</summary>
    public Task Entered => _entered.Task;

    public void Arm(string accountNumber) => _number = accountNumber;

    public IAccountStore Wrap(IAccountStore inner) => new AccountLookupFault(inner, async (_, accountNumber, ct, real) =>
    {
        if (accountNumber == _number)
        {
            _entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }

        return await real();
    });
}
