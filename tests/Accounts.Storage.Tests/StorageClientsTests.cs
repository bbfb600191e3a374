using Accounts.Storage.Tables;
using Azure.Core;
using Azure.Data.Tables;

namespace Accounts.Storage.Tests;

/// <summary>
/// How storage is reached: a connection string (Azurite, account keys) or an endpoint with a token credential (the
/// managed identity in Azure), exactly one of the two. No live Azure: the credential is a recording fake.
/// </summary>
public sealed class StorageClientsTests
{
    private static readonly Uri Endpoint = new("https://acct.table.core.windows.net");

    [Fact]
    public void An_endpoint_is_reached_with_the_token_credential()
    {
        var credential = new RecordingCredential();

        var client = StorageClients.Create(new TableStorageOptions { ConnectionString = null, TableEndpoint = Endpoint }, new TableClientOptions(),
            credential);

        Assert.Equal(1, credential.Created);
        Assert.Equal("acct", client.AccountName);
        Assert.Equal(Endpoint, client.Uri);
    }

    [Fact]
    public void A_connection_string_is_used_without_asking_for_a_credential()
    {
        var credential = new RecordingCredential();

        var client = StorageClients.Create(new TableStorageOptions(), new TableClientOptions(), credential);

        Assert.Equal(0, credential.Created);
        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void Every_table_lives_at_the_endpoint_and_shares_one_credential()
    {
        var credential = new RecordingCredential();

        var tables = new StorageTables(new TableStorageOptions { ConnectionString = null, TableEndpoint = Endpoint, TablePrefix = "p1" }, credential);

        Assert.Equal(1, credential.Created);
        Assert.All(tables.All, table => Assert.StartsWith("https://acct.table.core.windows.net/p1", table.Once.Uri.ToString(), StringComparison.Ordinal));
        Assert.Equal("https://acct.table.core.windows.net/p1Ledger", tables.Ledger.Client.Uri.ToString());
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true, "not both")]
    [InlineData(null, false, "needs a ConnectionString or a TableEndpoint")]
    [InlineData(" ", false, "needs a ConnectionString or a TableEndpoint")]
    public void Exactly_one_way_in_must_be_given(string? connectionString, bool withEndpoint, string message)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString, TableEndpoint = withEndpoint ? Endpoint : null };

        var error = Assert.Throws<ArgumentException>(() => StorageClients.Create(options, new TableClientOptions(), new RecordingCredential()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_endpoint_is_refused()
    {
        var options = new TableStorageOptions { ConnectionString = null, TableEndpoint = new Uri("acct.table.core.windows.net", UriKind.Relative) };

        Assert.Throws<ArgumentException>(() => StorageClients.Create(options, new TableClientOptions(), new RecordingCredential()));
    }

    /// <summary>Counts how often the factory asks for a credential; a token is never needed without a request.</summary>
    private sealed class RecordingCredential
    {
        public int Created { get; private set; }

        public static implicit operator Func<TokenCredential>(RecordingCredential recorder) => () =>
        {
            recorder.Created++;
            return new NoTokens();
        };
    }

    private sealed class NoTokens : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in a unit test");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in a unit test");
    }
}
