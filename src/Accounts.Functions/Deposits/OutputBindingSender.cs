namespace Accounts.Functions.Deposits;

/// <summary>
/// Under the Functions host: collects messages for one invocation's Service Bus output binding (an array is sent as
/// several messages). The host sends them only after the invocation completes, so nothing here confirms delivery; a
/// sender over the Service Bus SDK, once the project has it, would confirm and let the sweeper remove rows at once.
/// </summary>
public sealed class OutputBindingSender : IDepositSender
{
    private readonly List<string> _messages = [];

    public bool ConfirmsDelivery => false;

    public IReadOnlyList<string> Messages => _messages;

    public Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        _messages.Add(message);
        return Task.CompletedTask;
    }
}
