using PostPurchase.Testing.Azurite;

namespace PostPurchase.Web.Tests.Security.KeyRing;

[CollectionDefinition(Name)]
public sealed class KeyRingCollection : ICollectionFixture<AzuriteServer>
{
    /// <summary>The collection name used by <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Key ring on Azurite";
}
