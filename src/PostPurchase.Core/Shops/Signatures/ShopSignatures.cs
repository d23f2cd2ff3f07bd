using System.Text;
using System.Text.RegularExpressions;
using PostPurchase.Core.Carriers.Signatures;

namespace PostPurchase.Core.Shops.Signatures;

/// <summary>Each platform's webhook signature over the raw body bytes, compared in constant time.</summary>
public static partial class ShopSignatures
{
    /// <summary>Shopify: <c>X-Shopify-Hmac-Sha256</c> = Base64(HMAC-SHA256(secret, body)).</summary>
    public static bool VerifyShopify(ReadOnlySpan<byte> body, string? header, string secret) =>
        Configured(secret) && WebhookSignature.Base64Equals(header, WebhookSignature.HmacSha256(secret, body));

    /// <summary>WooCommerce: <c>X-WC-Webhook-Signature</c> = Base64(HMAC-SHA256(the secret HTML-entity-decoded as WordPress does, body)).</summary>
    public static bool VerifyWooCommerce(ReadOnlySpan<byte> body, string? header, string secret) =>
        Configured(secret) && WebhookSignature.Base64Equals(header, WebhookSignature.HmacSha256(WordPressDecode(secret), body));

    /// <summary>Shopware: <c>shopware-shop-signature</c> = lowercase hex HMAC-SHA256(shop secret, body); any case is accepted.</summary>
    public static bool VerifyShopware(ReadOnlySpan<byte> body, string? header, string secret) =>
        Configured(secret) && WebhookSignature.HexEquals(header, WebhookSignature.HmacSha256(secret, body));

    /// <summary>True for WooCommerce's unsigned creation ping: a form body <c>webhook_id=&lt;digits&gt;</c> and no signature header.</summary>
    public static bool IsWooCommercePing(ReadOnlySpan<byte> body, string? signatureHeader) =>
        string.IsNullOrEmpty(signatureHeader) && body.Length is > 0 and < 64 && PingBody().IsMatch(Encoding.ASCII.GetString(body));

    /// <summary>What <c>wp_specialchars_decode($secret, ENT_QUOTES)</c> makes of a secret: a stored <c>&amp;amp;</c> signs as <c>&amp;</c>.</summary>
    internal static string WordPressDecode(string secret) => secret
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&#039;", "'", StringComparison.Ordinal)
        .Replace("&#39;", "'", StringComparison.Ordinal)
        .Replace("&#x27;", "'", StringComparison.OrdinalIgnoreCase)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    // Never verify against a blank key: anyone could sign with it.
    private static bool Configured(string secret) => !string.IsNullOrWhiteSpace(secret);

    [GeneratedRegex(@"^webhook_id=\d+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PingBody();
}
