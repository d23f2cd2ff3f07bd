using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PostPurchase.Web.Api;

/// <summary>Checks the merchant API key of a request: header <c>x-functions-key</c> or query <c>?code=</c>, compared in constant time.</summary>
public static class ApiKeyCheck
{
    /// <summary>The header merchants send the key in (the Azure Functions convention).</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter accepted instead of the header.</summary>
    public const string QueryName = "code";

    /// <summary>True when the request carries <paramref name="expectedKey"/>; always false when no key is configured.</summary>
    public static bool IsAuthorized(HttpRequest request, string? expectedKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(expectedKey))
        {
            return false;
        }
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }
        return !string.IsNullOrEmpty(presented) && Matches(presented, expectedKey);
    }

    /// <summary>Compares in constant time; hashing first hides the length of the key too.</summary>
    public static bool Matches(string presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(expected);
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
