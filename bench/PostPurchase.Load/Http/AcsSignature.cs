using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using PostPurchase.Infrastructure.Channels.Acs;

namespace PostPurchase.Load.Http;

/// <summary>The check an ACS stand-in makes, as the service does: the body's hash and the HMAC signature of the access key.</summary>
internal static class AcsSignature
{
    /// <summary>True when <paramref name="request"/> with <paramref name="body"/> is signed with <paramref name="key"/>.</summary>
    public static bool IsSigned(HttpRequest request, byte[] body, byte[] key)
    {
        var date = request.Headers["x-ms-date"].ToString();
        var hash = request.Headers["x-ms-content-sha256"].ToString();
        if (date.Length == 0 || hash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }
        var expected = AcsRequestSigner.Authorization(key, request.Method, $"{request.Path}{request.QueryString}", date, request.Host.Value ?? "", hash);
        return request.Headers.Authorization.ToString() == expected;
    }
}
