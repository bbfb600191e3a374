namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>Test classes marked <c>[Collection(AppCollection.Name)]</c> share one app and one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
