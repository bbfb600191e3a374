using System.Security.Cryptography;
using Accounts.Storage.Emulator;
using Xunit;

namespace Accounts.TestSupport;

/// <summary>
/// One in-memory Azurite on free ports for a test collection. Tests keep apart by using their own table prefix
/// (<see cref="NewTablePrefix"/>) or their own ids, never by relying on what another test wrote.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // A free port can be taken by another process between FreePorts.Take and Azurite's bind; try fresh ports then.
    private const int StartAttempts = 3;

    private AzuriteProcess? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    /// <summary>"t" and 8 random lowercase letters: a valid, practically unique table name prefix.</summary>
    public static string NewTablePrefix() =>
        "t" + string.Create(8, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + RandomNumberGenerator.GetInt32(26));
            }
        });

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        azurite = await StartOnFreePortsAsync(dataDirectory: null, timeout.Token);
    }

    /// <summary>An Azurite on free ports (in memory when <paramref name="dataDirectory"/> is null), retried on new ports.</summary>
    public static async Task<AzuriteProcess> StartOnFreePortsAsync(string? dataDirectory, CancellationToken ct)
    {
        var toolDirectory = Path.Combine(RepoPaths.FindRepoRoot(AppContext.BaseDirectory), "tools", "azurite");
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(3);
            try
            {
                return await AzuriteProcess.StartAsync(new AzuriteOptions(toolDirectory, dataDirectory, ports[0], ports[1], ports[2]), ct);
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Azurite exited early, most likely on a port taken meanwhile; the next attempt uses new ports.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
