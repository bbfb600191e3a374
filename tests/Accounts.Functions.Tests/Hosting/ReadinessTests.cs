using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Accounts.Functions.Tests.Hosting;

public sealed class ReadinessTests
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_readiness_probe_answers_without_waiting_for_storage()
    {
        // Storage accepts connections and never answers, and each storage call may wait 90 s: any storage work on the
        // probe's path would hold it that long. The bound below is a third of that, so a busy machine cannot fail it.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        var port = ((IPEndPoint)hung.LocalEndpoint).Port;
        await using var factory = new TestingAppFactory(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1",
            tablePrefix: null,
            builder => builder
                .UseSetting("Storage:OperationTimeoutSeconds", StorageTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting("Storage:AttemptTimeoutSeconds", StorageTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = factory.CreateClient();
        _ = factory.Services;

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < StorageTimeout / 3, $"GET / took {clock.Elapsed}");
    }
}
