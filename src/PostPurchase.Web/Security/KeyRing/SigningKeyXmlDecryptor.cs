using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PostPurchase.Web.Security.KeyRing;

/// <summary>Decrypts a key that <see cref="SigningKeyXmlEncryptor"/> encrypted; fails for an instance with another signing key.</summary>
/// <remarks>Data Protection creates decryptors by type, passing its service provider.</remarks>
internal sealed class SigningKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var protection = services.GetRequiredService<KeyRingProtection>();
        var value = encryptedElement.Element("value")?.Value
            ?? throw new CryptographicException("The encrypted key has no value element.");
        var plain = protection.Open(Convert.FromBase64String(value));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
