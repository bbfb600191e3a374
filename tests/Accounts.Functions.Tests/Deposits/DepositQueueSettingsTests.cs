using Accounts.Storage;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>Which queue the standalone deposits use: named after the table prefix, reached by connection string or endpoint.</summary>
public sealed class DepositQueueSettingsTests
{
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;";

    [Theory]
    [InlineData(null, "deposits")]
    [InlineData("tAbcDefgh", "tabcdefgh-deposits")]
    [InlineData("Test1", "test1-deposits")]
    public void The_queue_is_named_after_the_table_prefix_in_lowercase(string? prefix, string expected) =>
        Assert.Equal(expected, DepositQueue.QueueName(prefix));

    [Fact]
    public void A_prefix_too_long_for_a_queue_name_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => DepositQueue.QueueName(new string('a', 50)));
        Assert.Contains("Storage:TablePrefix", error.Message);
    }

    [Fact]
    public void By_default_the_queue_is_on_the_connection_strings_queue_endpoint_with_its_poison_queue()
    {
        var queue = Resolve(new() { ["Storage:ConnectionString"] = Azurite, ["Storage:TablePrefix"] = "tQueue" });

        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1/tqueue-deposits"), queue.Uri);
        Assert.Equal("tqueue-deposits-poison", queue.PoisonName);
    }

    [Fact]
    public void Development_storage_means_Azurites_default_queue_port() =>
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1/deposits"),
            Resolve(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" }).Uri);

    [Fact]
    public void Storage_QueueEndpoint_puts_the_queue_on_that_endpoint()
    {
        var queue = Resolve(new()
        {
            ["Storage:ConnectionString"] = Azurite, ["Storage:TablePrefix"] = "tQueue",
            ["Storage:QueueEndpoint"] = "https://accountsdata.queue.core.windows.net/",
        });

        Assert.Equal(new Uri("https://accountsdata.queue.core.windows.net/tqueue-deposits"), queue.Uri);
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("ftp://accountsdata.queue.core.windows.net")]
    public void A_queue_endpoint_that_is_not_an_http_uri_is_refused_naming_the_setting(string endpoint)
    {
        var error = Assert.Throws<FormatException>(() => Resolve(new() { ["Storage:QueueEndpoint"] = endpoint }));
        Assert.Contains("Storage:QueueEndpoint", error.Message);
    }

    private static DepositQueue Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAccountsStorage(configuration).BuildServiceProvider();
        return services.GetRequiredService<DepositQueue>();
    }
}
