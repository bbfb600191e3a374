using System.Diagnostics;
using System.Globalization;

namespace Accounts.Storage.Emulator;

/// <summary>The Azurite command line: loopback only, no telemetry, and tolerant of newer client API versions.</summary>
internal static class AzuriteCommandLine
{
    public static ProcessStartInfo StartInfo(AzuriteOptions options)
    {
        var start = new ProcessStartInfo(AzuriteInstaller.BinaryPath(options.ToolDirectory))
        {
            WorkingDirectory = options.ToolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        string[] args =
        [
            "--disableTelemetry", "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(options.BlobPort), "--queuePort", Port(options.QueuePort), "--tablePort", Port(options.TablePort),
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (options.DataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(options.DataDirectory);
        }

        return start;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How to run Azurite: its npm tool folder, where it keeps data (null = in memory) and its ports.</summary>
public sealed record AzuriteOptions(string ToolDirectory, string? DataDirectory, int BlobPort, int QueuePort, int TablePort);
