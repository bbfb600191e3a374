using System.Collections.Concurrent;
using System.Diagnostics;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>
/// Every route of the app, sent a seeded, bounded set of hostile requests, anonymously and as a real tenant:
/// no answer may be a 5xx. A failure lists each route and input that got one.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RouteFuzzTests(AppFixture app)
{
    private const int Seed = 9;

    [Fact]
    public async Task No_route_answers_any_hostile_request_with_a_server_error()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services, "Fuzz");
        using var client = app.CreateClient();
        var credentials = new FuzzCredentials(tenant, await TestTenants.TokenAsync(client, tenant));
        var routes = RouteCatalog.All(app.Services);
        var cases = FuzzPlan.Cases(routes, credentials, Seed).ToList();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, ct) =>
        {
            using var request = fuzz.ToRequest();
            using var response = await client.SendAsync(request, ct);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                failures.Add($"{(int)response.StatusCode} for {fuzz.Describe()}: {body[..Math.Min(body.Length, 300)]}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} requests got a 5xx (in {clock.Elapsed}):\n"
            + string.Join('\n', failures.Order(StringComparer.Ordinal).Take(60)));
        Assert.Contains(routes, r => r.Display == "POST /v1/accounts/static/close");
        Assert.All(routes, r => Assert.Contains(cases, c => c.Route == r.Display));
    }
}
