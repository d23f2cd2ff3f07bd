using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Web.Security.KeyRing;

/// <summary>Registers Data Protection with one key ring for every instance of both runtimes: in the app's storage account, encrypted with the signing key.</summary>
internal static class KeyRingRegistration
{
    /// <summary>The application name every instance shares, so that they all read each other's protected payloads.</summary>
    public const string ApplicationName = "PostPurchase";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton(sp => new KeyRingProtection(sp.GetRequiredService<CustomerLinks>()));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new TableXmlRepository(sp.GetRequiredService<StorageAccount>());
            o.XmlEncryptor = new SigningKeyXmlEncryptor(sp.GetRequiredService<KeyRingProtection>());
        }));
        return services;
    }
}
