using PostPurchase.Core.Shops.Signatures;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Core.Tests.Shops;

public sealed class ShopSignaturesTests
{
    public static TheoryData<string, string> SignedDeliveries()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, platform) in ShopSamples.Signed())
        {
            data.Add(file, platform);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SignedDeliveries))]
    public void Verify_SignedSampleDelivery_MatchesByteExact(string file, string platform)
    {
        Assert.True(Verify(platform, ShopSamples.Body(file), Signature(file, platform), ShopSamples.Secret(platform)));
    }

    [Theory]
    [MemberData(nameof(SignedDeliveries))]
    public void Verify_OneByteAltered_Fails(string file, string platform)
    {
        var body = ShopSamples.Body(file);
        foreach (var index in new[] { 0, body.Length / 2, body.Length - 1 })
        {
            var altered = (byte[])body.Clone();
            altered[index] ^= 0x01;
            Assert.False(Verify(platform, altered, Signature(file, platform), ShopSamples.Secret(platform)), $"byte {index} changed");
        }
    }

    [Theory]
    [MemberData(nameof(SignedDeliveries))]
    public void Verify_WrongOrBlankSecret_Fails(string file, string platform)
    {
        Assert.False(Verify(platform, ShopSamples.Body(file), Signature(file, platform), ShopSamples.Secret(platform) + "x"));
        Assert.False(Verify(platform, ShopSamples.Body(file), Signature(file, platform), " "));
        Assert.False(Verify(platform, ShopSamples.Body(file), null, ShopSamples.Secret(platform)));
    }

    [Fact]
    public void VerifyWooCommerce_ReSerialisedWithoutEscapedSlashes_Fails()
    {
        var unescaped = "{\"id\":4711,\"number\":\"4711\",\"status\":\"completed\",\"_links\":{\"self\":[{\"href\":\"https://shop.example/wp-json/wc/v3/orders/4711\"}]}}"u8;
        var escaped = "{\"id\":4711,\"number\":\"4711\",\"status\":\"completed\",\"_links\":{\"self\":[{\"href\":\"https:\\/\\/shop.example\\/wp-json\\/wc\\/v3\\/orders\\/4711\"}]}}"u8;

        Assert.True(ShopSignatures.VerifyWooCommerce(escaped, "MxqIqhptsWkxyJhNhMBVrLFwxU6Be+sURumFz+pZnkA=", "wc_test_secret"));
        Assert.False(ShopSignatures.VerifyWooCommerce(unescaped, "MxqIqhptsWkxyJhNhMBVrLFwxU6Be+sURumFz+pZnkA=", "wc_test_secret"));
    }

    [Fact]
    public void VerifyWooCommerce_SecretStoredWithEntities_SignsWithTheDecodedSecret()
    {
        var body = "{\"id\":1}"u8.ToArray();
        var signature = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("a&b\"c"u8.ToArray(), body));

        Assert.True(ShopSignatures.VerifyWooCommerce(body, signature, "a&amp;b&quot;c"));
    }

    [Fact]
    public void IsWooCommercePing_SampleFormBodyWithoutSignature_IsPing()
    {
        Assert.True(ShopSignatures.IsWooCommercePing(ShopSamples.Body("woocommerce.ping.txt"), null));
        Assert.False(ShopSignatures.IsWooCommercePing(ShopSamples.Body("woocommerce.ping.txt"), "c2ln"));
        Assert.False(ShopSignatures.IsWooCommercePing("{\"webhook_id\":42}"u8, null));
    }

    private static string? Signature(string file, string platform) => ShopSamples.Headers(file)[platform switch
    {
        "shopify" => "X-Shopify-Hmac-Sha256",
        "woocommerce" => "X-WC-Webhook-Signature",
        _ => "shopware-shop-signature",
    }];

    private static bool Verify(string platform, byte[] body, string? signature, string secret) => platform switch
    {
        "shopify" => ShopSignatures.VerifyShopify(body, signature, secret),
        "woocommerce" => ShopSignatures.VerifyWooCommerce(body, signature, secret),
        _ => ShopSignatures.VerifyShopware(body, signature, secret),
    };
}
