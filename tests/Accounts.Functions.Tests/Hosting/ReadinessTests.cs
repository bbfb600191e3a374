using System.Diagnostics;
using System.Net;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Hosting;

public sealed class ReadinessTests
{
    [Fact]
    public async Task The_readiness_probe_answers_at_once_even_when_storage_is_unreachable()
    {
        // Nothing listens on port 9 (discard); storage work on the probe's path would hang or fail here.
        await using var factory = new TestingAppFactory(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1",
            tablePrefix: null);
        using var client = factory.CreateClient();
        _ = factory.Services;

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"GET / took {clock.Elapsed}");
    }
}
