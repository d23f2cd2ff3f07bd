using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PostPurchase.Web.Security.KeyRing;

/// <summary>
/// Encrypts each Data Protection key at rest with AES-256-GCM under a key derived from <c>PostPurchase:SigningKey</c>
/// (a Key Vault secret on Azure): whoever reads the storage account without the signing key cannot forge the app's tokens.
/// </summary>
internal sealed class SigningKeyXmlEncryptor(KeyRingProtection protection) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = protection.Seal(plain);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(KeyRingProtection.ElementName,
            new XComment(" Encrypted with a key derived from PostPurchase:SigningKey. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(SigningKeyXmlDecryptor));
    }
}
