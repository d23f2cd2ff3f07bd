using PostPurchase.Testing.Azurite;

namespace PostPurchase.Web.Tests.Support;

/// <summary>Tests that share one Azurite (each uses its own table prefix).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    /// <summary>The collection name used by <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Web on Azurite";
}
