using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Support;

/// <summary>One Azurite for the Host's HTTP tests; every host gets its own table and queue prefix in it.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<AzuriteServer>
{
    /// <summary>The collection name used by <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Host on Azurite";
}
