using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

/// <summary>All integration tests share one Azurite; each test still gets its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
