using System.Net;
using System.Text;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;
using PostPurchase.Web.Tests.Browser;
using static PostPurchase.Web.Tests.Shops.ShopDeliveries;

namespace PostPurchase.Web.Tests.Shops;

/// <summary>Shopify's deliveries end to end, run against each runtime (see the derived classes): the runtime is on real time, so orders are placed "now".</summary>
public abstract class ShopWebhookFlows(PagesApp app) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.BaseUrl) };

    [Fact]
    public async Task Shopify_CreatedFulfilledAndRepeated_ConfirmedAndShippedOnceEach()
    {
        var id = 6300000000000 + Next();
        var orderId = $"shopify-{id}";
        var order = ShopOrderSamples.Shopify(id, 5000 + (int)(id % 1000), Now.AddMinutes(-5));
        var tracking = $"JD01460000{id % 100000000:D10}";
        var fulfilment = ShopOrderSamples.ShopifyFulfilment(id, id + 1, tracking, Now.AddMinutes(-1));

        var created = await ReceiptAsync(await _http.SendAsync(Shopify("orders/create", order, $"create-{id}")));
        var repeated = await ReceiptAsync(await _http.SendAsync(Shopify("orders/create", order, $"create-{id}")));
        await app.WaitForAsync(orderId, "the order confirmation", s => Sent(s, Intent.OrderConfirmation));
        var fulfilled = await ReceiptAsync(await _http.SendAsync(Shopify("fulfillments/create", fulfilment)));
        await app.WaitForAsync(orderId, "the parcel and its shipped message", s => s.State.Parcels.Count == 1 && Sent(s, Intent.Shipped));
        // The same facts again under new webhook ids (a second subscription to the topics): nothing new.
        var orderAgain = await ReceiptAsync(await _http.SendAsync(Shopify("orders/updated", order)));
        var fulfilmentAgain = await ReceiptAsync(await _http.SendAsync(Shopify("fulfillments/update", fulfilment)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var final = (await app.FindAsync(orderId))!;

        Assert.Equal(("applied", orderId), (created.Outcome, created.OrderId));
        Assert.Equal("duplicate", repeated.Outcome);
        Assert.Equal("applied", fulfilled.Outcome);
        Assert.Equal(("unchanged", "unchanged"), (orderAgain.Outcome, fulfilmentAgain.Outcome));
        Assert.Equal($"#{5000 + (id % 1000)}", final.State.Order.DisplayNumber);
        var parcel = Assert.Single(final.State.Parcels);
        Assert.Equal(tracking, parcel.TrackingNumber);
        Assert.Equal(["BEANIE-MER-CHR"], parcel.Skus);
        Assert.Single(final.Messages, m => m.Message.Intent == Intent.OrderConfirmation);
        Assert.Single(final.Messages, m => m.Message.Intent == Intent.Shipped && m.Message.Channel == Channel.Email);
    }

    [Fact]
    public async Task Shopify_OrderPlacedMonthsAgoChangedNow_SkippedWithoutATimeline()
    {
        var id = 6300000000000 + Next();
        var old = ShopOrderSamples.Shopify(id, 4100, Now.AddDays(-200), Now.AddMinutes(-1));

        var updated = await ReceiptAsync(await _http.SendAsync(Shopify("orders/updated", old)));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("skipped", updated.Outcome);
        Assert.StartsWith($"Placed {Now.AddDays(-200).UtcDateTime:yyyy-MM-dd}, 200 days before it reached PostPurchase", updated.Reason, StringComparison.Ordinal);
        Assert.Null(await app.FindAsync($"shopify-{id}"));
    }

    [Fact]
    public async Task Shopify_ForgedAndUnsigned_401ProblemAndNothingStored()
    {
        var id = 6300000000000 + Next();
        var forged = Shopify("orders/create", ShopOrderSamples.Shopify(id, 5999, Now.AddMinutes(-2)));
        var body = await forged.Content!.ReadAsByteArrayAsync();
        body[20] ^= 0x01;
        forged.Content = new ByteArrayContent(body);
        var unsigned = Shopify("orders/create", ShopOrderSamples.Shopify(id, 5999, Now.AddMinutes(-2)));
        unsigned.Headers.Remove("X-Shopify-Hmac-Sha256");

        var a = await _http.SendAsync(forged);
        var b = await _http.SendAsync(unsigned);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (a.StatusCode, b.StatusCode));
        Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
        Assert.Null(await app.FindAsync($"shopify-{id}"));
        Assert.False(await app.HasShopRecordAsync($"shopify-{id}"));
        var page = await _http.GetStringAsync(new Uri($"/shops?code={PagesApp.ApiKey}", UriKind.Relative));
        Assert.Contains("Bad signature", page, StringComparison.Ordinal);
        Assert.Contains("Unsigned", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shopify_OrderOf250Lines_AcceptedAndTimelineHoldsEveryLine()
    {
        var id = 6300000000000 + Next();
        var order = ShopOrderSamples.ShopifyWithLines(id, 7250, Now.AddMinutes(-4), 250);

        var request = Shopify("orders/create", order);
        var size = (await request.Content!.ReadAsByteArrayAsync()).Length;
        var created = await ReceiptAsync(await _http.SendAsync(request));
        var snapshot = await app.WaitForAsync($"shopify-{id}", "the order confirmation", s => Sent(s, Intent.OrderConfirmation));

        Assert.InRange(size, 250_000, ShopWebhookHttp.MaxBytes);
        Assert.Equal("applied", created.Outcome);
        Assert.Equal(250, snapshot.State.Order.Items.Count);
        Assert.Equal("KIT-249", snapshot.State.Order.Items[^1].Sku);
    }

    [Fact]
    public async Task Shopify_BodyOverTheLimit_413Problem()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1,\"note\":\"" + new string('x', ShopWebhookHttp.MaxBytes) + "\"}");
        var request = ShopSamples.Request("shopify", body, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Shopify-Topic"] = "orders/create" });
        // As curl does for large bodies: the runtime refuses by Content-Length before the body is sent.
        request.Headers.ExpectContinue = true;

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limited to 4096 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class ShopWebhookFlowsOnHost(HostPagesApp app) : ShopWebhookFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class ShopWebhookFlowsOnFunctionApp(FunctionsPagesApp app) : ShopWebhookFlows(app);
