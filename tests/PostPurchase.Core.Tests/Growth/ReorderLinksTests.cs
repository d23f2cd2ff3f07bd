using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Tests.Growth;

public class ReorderLinksTests
{
    private static readonly OrderItem Serum = new("SERUM 30/ml", "Serum", "skincare", 1, 34.95m, ProductUrl: "https://shop.example/p/serum", VariantId: "44123987");

    [Theory]
    [InlineData(ReorderLinkKind.Shopify, null, "https://shop.example/cart/44123987:2")]
    [InlineData(ReorderLinkKind.WooCommerce, null, "https://shop.example/?add-to-cart=44123987&quantity=2")]
    [InlineData(ReorderLinkKind.Template, "https://shop.example/reorder?sku={sku}&v={variant}&n={qty}", "https://shop.example/reorder?sku=SERUM%2030%2Fml&v=44123987&n=2")]
    [InlineData(ReorderLinkKind.Product, null, "https://shop.example/p/serum")]
    public void For_EachKind_BuildsTheShopsLink(ReorderLinkKind kind, string? template, string expected)
    {
        var policy = new ReorderLinkPolicy { Kind = kind, ShopUrl = "https://shop.example/", UrlTemplate = template };

        Assert.Equal(expected, ReorderLinks.For(Serum, 2, policy));
    }

    [Fact]
    public void For_NoVariant_UsesTheSku()
    {
        var policy = new ReorderLinkPolicy { Kind = ReorderLinkKind.Shopify, ShopUrl = "https://shop.example" };

        Assert.Equal("https://shop.example/cart/SERUM%2030%2Fml:1", ReorderLinks.For(Serum with { VariantId = null }, 1, policy));
    }

    [Fact]
    public void For_ShopifyWithoutShopUrlOrScriptTemplate_GivesNoLink()
    {
        Assert.Equal("https://shop.example/p/serum", ReorderLinks.For(Serum, 1, new ReorderLinkPolicy { Kind = ReorderLinkKind.Shopify }));
        Assert.Null(ReorderLinks.For(Serum, 1, new ReorderLinkPolicy { Kind = ReorderLinkKind.Template, UrlTemplate = "javascript:buy('{sku}')" }));
    }
}
