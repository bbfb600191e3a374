using Accounts.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Accounts.Functions.Tests.Hosting;

public sealed class StorageEndpointsTests
{
    [Fact]
    public void Development_storage_is_azurite_on_its_default_ports()
    {
        var endpoints = StorageEndpoints.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002"), endpoints.Table);
        Assert.Equal((10000, 10001), (endpoints.Blob.Port, endpoints.Queue.Port));
        Assert.True(endpoints.Table.IsLoopback);
    }

    [Fact]
    public void Explicit_endpoints_are_used_as_given()
    {
        var endpoints = StorageEndpoints.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5==;" +
            "BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;" +
            "TableEndpoint=http://localhost:20002/devstoreaccount1;");

        Assert.Equal((20000, 20001, 20002), (endpoints.Blob.Port, endpoints.Queue.Port, endpoints.Table.Port));
        Assert.True(endpoints.Table.IsLoopback);
    }

    [Fact]
    public void An_account_connection_string_points_at_azure()
    {
        var endpoints = StorageEndpoints.Parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5==;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), endpoints.Table);
        Assert.False(endpoints.Table.IsLoopback);
    }

    [Fact]
    public void The_storage_setting_wins_then_AzureWebJobsStorage_then_development_storage()
    {
        static string Resolve(params (string Key, string Value)[] settings) => StorageEndpoints.ResolveConnectionString(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

        Assert.Equal("a", Resolve(("Storage:ConnectionString", "a"), ("AzureWebJobsStorage", "b")));
        Assert.Equal("b", Resolve(("AzureWebJobsStorage", "b")));
        Assert.Equal("UseDevelopmentStorage=true", Resolve());
    }

    [Fact]
    public void A_connection_string_without_an_account_or_endpoint_is_rejected() =>
        Assert.Throws<FormatException>(() => StorageEndpoints.Parse("AccountKey=a2V5=="));
}
