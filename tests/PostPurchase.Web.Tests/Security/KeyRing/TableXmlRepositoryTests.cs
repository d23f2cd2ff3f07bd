using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Testing.Azurite;
using PostPurchase.Web.Security.KeyRing;
using PostPurchase.Web.Tests.Support;

namespace PostPurchase.Web.Tests.Security.KeyRing;

[Collection(AzuriteCollection.Name)]
public sealed class TableXmlRepositoryTests(AzuriteServer azurite)
{
    [Fact]
    public void StoreElement_TwoInstancesOneAccount_EachReadsTheOthersEncryptedKeyAndNoPlaintextIsStored()
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..10];
        var writer = new TableXmlRepository(Storage(prefix));
        var reader = new TableXmlRepository(Storage(prefix));
        var protection = Protection("key-ring-tests-signing-key-0123");
        var key = new XElement("key", new XAttribute("id", "k1"), new XElement("secret", "masterkey-material"));

        var encrypted = new SigningKeyXmlEncryptor(protection).Encrypt(key);
        writer.StoreElement(encrypted.EncryptedElement, "key-k1");
        writer.StoreElement(encrypted.EncryptedElement, "key-k1");
        var stored = Assert.Single(reader.GetAllElements());

        Assert.DoesNotContain("masterkey-material", stored.ToString(), StringComparison.Ordinal);
        var decrypted = new SigningKeyXmlDecryptor(Services(protection)).Decrypt(stored);
        Assert.Equal(key.ToString(), decrypted.ToString());
    }

    [Fact]
    public void Decrypt_AnotherSigningKey_Throws()
    {
        var key = new XElement("key", new XElement("secret", "masterkey-material"));
        var encrypted = new SigningKeyXmlEncryptor(Protection("key-ring-tests-signing-key-0123")).Encrypt(key);

        var stranger = new SigningKeyXmlDecryptor(Services(Protection("another-signing-key-0123456789")));

        Assert.ThrowsAny<CryptographicException>(() => stranger.Decrypt(encrypted.EncryptedElement));
    }

    [Fact]
    public void GetAllElements_NothingStored_EmptyAndTableCreated()
    {
        var repository = new TableXmlRepository(Storage("e" + Guid.NewGuid().ToString("N")[..10]));

        Assert.Empty(repository.GetAllElements());
    }

    private StorageAccount Storage(string prefix) => new(azurite.ConnectionString, new StorageRequestCounter(), prefix);

    private static KeyRingProtection Protection(string signingKey) => new(new CustomerLinks(signingKey, "https://shop.example", TimeProvider.System));

    private static ServiceProvider Services(KeyRingProtection protection) => new ServiceCollection().AddSingleton(protection).BuildServiceProvider();
}
