using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry of an app under test at or above <paramref name="minimum"/>, so a test can assert what was
/// logged and at which level.
/// </summary>
public sealed class CapturedLogs(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;

    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToArray();

    /// <summary>The messages logged as warnings: what an operator would have been told.</summary>
    public IReadOnlyList<string> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();

    /// <summary>Each entry as one line with its exception, for a failure message.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
