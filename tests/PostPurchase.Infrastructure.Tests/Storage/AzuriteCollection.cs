using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

/// <summary>Shares one Azurite per test assembly; every storage test joins this collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    /// <summary>The collection name used by <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Azurite";
}
