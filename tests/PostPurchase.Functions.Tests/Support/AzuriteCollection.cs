using PostPurchase.Testing.Azurite;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>Shares one Azurite per test assembly among the tests that run timelines on a real Durable Task backend.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    /// <summary>The collection name used by <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Azurite";
}
