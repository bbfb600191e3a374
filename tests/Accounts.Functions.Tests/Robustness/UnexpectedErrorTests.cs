using System.Net;
using System.Text.Json;
using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>
/// An unexpected exception, even in Development (where ASP.NET Core would show its exception page), is a 500 in the
/// dialect's envelope with no details, and is logged as an error with the exception.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnexpectedErrorTests(AppFixture shared)
{
    private const string Secret = "internal detail that must never reach a client";

    [Fact]
    public async Task An_unexpected_exception_in_Development_is_a_detail_free_500_in_each_envelope()
    {
        var clock = new FailingClock();
        await using var app = OutageApp.Start(shared.StorageConnectionString, "Development", s => s.AddSingleton<TimeProvider>(clock));
        Assert.Equal(shared.StorageConnectionString, app.Factory.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value.ConnectionString);
        await app.Factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var tenant = await TestTenants.RegisterAsync(app.Factory.Services);
        using var client = app.CreateClient();
        var token = await TestTenants.TokenAsync(client, tenant);

        clock.Failing = true;
        foreach (var (dialect, request) in OutageApp.Representatives(tenant, token, app.OperatorKey))
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{dialect}: {(int)response.StatusCode} {text}");
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(ApiErrors.InternalMessage, OutageApp.AssertEnvelope(dialect, JsonDocument.Parse(text).RootElement));
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
            }
        }

        var errors = app.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Exception?.Message == Secret).ToList();
        Assert.True(errors.Count >= 6, $"{errors.Count} errors logged with the exception");
    }

    [Fact]
    public async Task An_exception_outside_any_dialect_is_a_problem_without_details()
    {
        // Middleware after the app's own pipeline stands in for any failure outside a dialect's error filter.
        await using var app = OutageApp.Start(shared.StorageConnectionString, "Development",
            s => s.AddTransient<IStartupFilter, ThrowingTail>());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(ThrowingTail.Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiErrors.InternalMessage, JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == Secret);
    }

    private sealed class ThrowingTail : IStartupFilter
    {
        public const string Path = "/test/unhandled";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(http => http.Request.Path == Path ? throw new InvalidOperationException(Secret) : Task.CompletedTask);
        };
    }

    /// <summary>The system clock until <see cref="Failing"/> is set; then every reading throws, like a bug would.</summary>
    private sealed class FailingClock : TimeProvider
    {
        public volatile bool Failing;

        public override DateTimeOffset GetUtcNow() => Failing ? throw new InvalidOperationException(Secret) : System.GetUtcNow();
    }
}
