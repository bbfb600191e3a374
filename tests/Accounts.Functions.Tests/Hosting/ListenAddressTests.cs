using System.Globalization;
using Accounts.Functions.Hosting;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Accounts.Functions.Tests.Hosting;

public sealed class ListenAddressTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();

    [Fact]
    public void Without_a_host_port_or_urls_the_app_listens_on_the_local_functions_port() =>
        Assert.Equal("http://127.0.0.1:7071", ListenAddress.Resolve(Config()));

    [Fact]
    public void Explicit_urls_are_kept_when_no_host_started_the_app() =>
        Assert.Null(ListenAddress.Resolve(Config(("urls", "http://0.0.0.0:8080"))));

    [Fact]
    public void The_custom_handler_port_wins_over_explicit_urls() =>
        Assert.Equal("http://127.0.0.1:40123", ListenAddress.Resolve(Config(
            ("urls", "http://0.0.0.0:8080"), ("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("FUNCTIONS_HTTPWORKER_PORT", "1"))));

    [Fact]
    public void The_legacy_http_worker_port_is_honoured() =>
        Assert.Equal("http://127.0.0.1:40124", ListenAddress.Resolve(Config(("FUNCTIONS_HTTPWORKER_PORT", "40124"))));

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("80a")]
    [InlineData("-1")]
    public void A_malformed_host_port_stops_the_app(string port) =>
        Assert.Throws<InvalidOperationException>(() => ListenAddress.Resolve(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", port))));

    [Fact]
    public void The_functions_host_is_recognised_by_either_port_variable()
    {
        Assert.False(ListenAddress.IsUnderFunctionsHost(Config()));
        Assert.True(ListenAddress.IsUnderFunctionsHost(Config(("FUNCTIONS_HTTPWORKER_PORT", "1"))));
    }

    [Fact]
    public async Task Under_the_host_Kestrel_listens_on_127_0_0_1_at_the_host_port_and_nowhere_else()
    {
        var ports = FreePorts.Take(4).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = TestingAppFactory.EnvironmentName,
            Args = ["--urls", $"http://127.0.0.1:{ports[1]}"],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ListenAddress.CustomHandlerPortKey] = ports[0],
            ["Kestrel:Endpoints:Public:Url"] = $"http://127.0.0.1:{ports[2]}",
            ["http_ports"] = ports[3],
        });
        builder.AddCustomHandlerHosting();
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));

        await app.StartAsync();

        Assert.Equal([$"http://127.0.0.1:{ports[0]}"], app.Urls);
        using var client = new HttpClient();
        Assert.Equal("ok", await client.GetStringAsync($"http://127.0.0.1:{ports[0]}/"));
        foreach (var port in ports[1..])
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{port}/"));
        }

        await app.StopAsync();
    }
}
