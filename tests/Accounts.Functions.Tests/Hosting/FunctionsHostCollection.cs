namespace Accounts.Functions.Tests.Hosting;

/// <summary>Test classes marked <c>[Collection(FunctionsHostCollection.Name)]</c> share one app run under the Functions host.</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<FunctionsHostAppFixture>
{
    public const string Name = "FunctionsHost";
}
