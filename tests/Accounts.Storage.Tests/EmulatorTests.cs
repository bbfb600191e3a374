using System.Net;
using System.Net.Sockets;
using Accounts.Storage.Emulator;
using Accounts.Storage.Tables;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class EmulatorTests
{
    [Fact]
    public void Free_ports_are_distinct_and_bindable()
    {
        var ports = FreePorts.Take(5);

        Assert.Equal(5, ports.Distinct().Count());
        var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
        listener.Stop();
    }

    [Fact]
    public void The_repo_root_is_found_from_the_test_output_folder()
    {
        var root = RepoPaths.FindRepoRoot(AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(root, RepoPaths.SolutionFile)));
        Assert.Throws<DirectoryNotFoundException>(() => RepoPaths.FindRepoRoot(Path.GetTempPath()));
    }

    [Fact]
    public void Table_prefixes_are_valid_table_name_starts_and_unique()
    {
        var prefixes = Enumerable.Range(0, 100).Select(_ => AzuriteFixture.NewTablePrefix()).ToList();

        Assert.All(prefixes, p => Assert.Matches("^t[a-z]{8}$", p));
        Assert.Equal(100, prefixes.Distinct().Count());
    }

    [Fact]
    public async Task Parallel_install_checks_of_an_installed_azurite_all_succeed()
    {
        var tools = Path.Combine(RepoPaths.FindRepoRoot(AppContext.BaseDirectory), "tools", "azurite");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => AzuriteInstaller.EnsureInstalledAsync(tools, CancellationToken.None))));

        Assert.True(File.Exists(AzuriteInstaller.BinaryPath(tools)));
    }

    [Fact]
    public async Task A_persistent_azurite_keeps_data_across_restarts_and_stops_on_dispose()
    {
        var data = Path.Combine(Path.GetTempPath(), "azurite-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            int tablePort;
            await using (var first = await AzuriteFixture.StartOnFreePortsAsync(data, CancellationToken.None))
            {
                tablePort = first.Options.TablePort;
                Assert.Contains($"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1", first.ConnectionString);
                await new TableInitializer(Tables(first)).EnsureTablesAsync();
            }

            Assert.False(await AcceptsAsync(tablePort));

            // The data directory keeps the tables, whatever ports the next start gets.
            await using var second = await AzuriteFixture.StartOnFreePortsAsync(data, CancellationToken.None);
            var tables = Tables(second);
            Assert.True(await tables.Service.QueryAsync(t => t.Name == tables.Ledger.Name).AnyAsync());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_start_reports_azurite_output()
    {
        var tools = Path.Combine(RepoPaths.FindRepoRoot(AppContext.BaseDirectory), "tools", "azurite");
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var taken = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var ports = FreePorts.Take(2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions(tools, null, ports[0], ports[1], taken), CancellationToken.None));

        Assert.Contains("Azurite exited", error.Message);
        Assert.Contains("EADDRINUSE", error.Message);
    }

    private static StorageTables Tables(AzuriteProcess azurite) =>
        new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "persist" });

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
