using System.Net;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Shops;

namespace PostPurchase.Host.Tests.Shops;

/// <summary>Reads the Host's answers to shop deliveries.</summary>
internal static class ShopHttp
{
    /// <summary>The receipt of a delivery answered 200.</summary>
    public static async Task<ShopReceipt> ReceiptAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync<ShopReceipt>(response);
    }
}
