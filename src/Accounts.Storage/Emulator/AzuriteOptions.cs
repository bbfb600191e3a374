namespace Accounts.Storage.Emulator;

/// <summary>How to run Azurite: its npm tool folder, where it keeps data (null = in memory) and its ports.</summary>
public sealed record AzuriteOptions(string ToolDirectory, string? DataDirectory, int BlobPort, int QueuePort, int TablePort);
