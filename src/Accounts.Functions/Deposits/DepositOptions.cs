namespace Accounts.Functions.Deposits;

/// <summary>Section "Deposits": how often a failing event is retried before it is dead-lettered.</summary>
public sealed class DepositOptions
{
    public const string Section = "Deposits";

    /// <summary>Deliveries before an event is dead-lettered; match the Service Bus queue's MaxDeliveryCount.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Whether this process drains the local queue (standalone only; the Functions host uses Service Bus).</summary>
    public bool LocalWorkerEnabled { get; set; } = true;
}
