using System.Runtime.InteropServices;

namespace Accounts.Storage.Emulator;

/// <summary>Graceful stop for child processes; .NET only offers Kill (SIGKILL), which gives no chance to flush.</summary>
internal static class UnixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false on Windows or when the signal could not be sent (the caller then kills).</summary>
    public static bool TryTerminate(int processId) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) && Kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks, and int/int marshals trivially.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
