namespace Accounts.Core.Deposits;

/// <summary>
/// Runs work in lines, one per deposit reference (tenant, reference): each piece starts once the one registered before
/// it on its line is done, whatever that one's outcome; different lines run concurrently. A line is registered when
/// <see cref="RunAsync{T}"/> is called (before it first yields), so the order of calls is the order of work. A line
/// with nothing pending is dropped.
/// </summary>
public sealed class ReferenceSequences
{
    // Per line, when its last registered piece is done.
    private readonly Dictionary<(string, string), Task> _tails = [];

    public async Task<T> RunAsync<T>((string, string) line, Func<Task<T>> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task before;
        lock (_tails)
        {
            before = _tails.GetValueOrDefault(line) ?? Task.CompletedTask;
            _tails[line] = done.Task;
        }

        try
        {
            await before;
            return await work();
        }
        finally
        {
            done.TrySetResult();
            lock (_tails)
            {
                if (_tails.TryGetValue(line, out var last) && last == done.Task)
                {
                    _tails.Remove(line);
                }
            }
        }
    }
}
