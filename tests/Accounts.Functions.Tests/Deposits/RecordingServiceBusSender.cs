using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// A <see cref="ServiceBusSender"/> (the SDK's clients are mockable through their protected constructors) that keeps every
/// message it is given, or fails while <see cref="FailWith"/> is set. Replaces the real sender in every app run under the
/// Functions host in tests (<see cref="Infrastructure.TestingAppFactory.RunUnderFunctionsHost"/>).
/// </summary>
public sealed class RecordingServiceBusSender : ServiceBusSender
{
    private readonly ConcurrentQueue<ServiceBusMessage> _sent = new();

    public IReadOnlyList<ServiceBusMessage> Sent => _sent.ToList();

    /// <summary>When set, every send throws it and nothing is recorded.</summary>
    public Exception? FailWith { get; set; }

    public override string EntityPath => "deposits";

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }

        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The messages sent for one deposit reference (the body is the stored message JSON).</summary>
    public IReadOnlyList<ServiceBusMessage> For(string reference) =>
        Sent.Where(m => Functions.Deposits.DepositMessage.Parse(m.Body.ToString()).Reference == reference).ToList();

    public override Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
