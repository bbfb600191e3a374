namespace Accounts.Functions.Tests.Nuban;

/// <summary>Nuban tests share one app whose clock they can move (see <see cref="NubanAppFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class NubanCollection : ICollectionFixture<NubanAppFixture>
{
    public const string Name = "Nuban";
}
