using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Web.Pages;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Browser;

/// <summary>The buyer's and the merchant's flows in Chromium, run against each runtime (see the derived classes).</summary>
public abstract class PageFlows(PagesApp app) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task TrackingPage_TrackingLink_LocalizedPageWithStrictHeaders()
    {
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).For(Some.Customer("de")).Build();
        await app.PlaceAsync(order);
        await using var browser = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(app.TrackingUrl(order.OrderId));

        Assert.Equal(200, response!.Status);
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByTestId("cancel-button")).ToBeVisibleAsync();
        var headers = await response.AllHeadersAsync();
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal(200, (await page.GotoAsync($"{app.BaseUrl}/assets/pages.css"))!.Status);
    }

    [Fact]
    public async Task Cancel_BeforeShipping_CancelledThroughTheTimelineAndShopTold()
    {
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).For(Some.Customer("en")).Build();
        await app.PlaceAsync(order);
        await using var browser = await app.Browser.NewContextAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.TrackingUrl(order.OrderId));
        await page.GetByTestId("cancel-button").ClickAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Your order has been cancelled");
        var snapshot = await app.WaitForAsync(order.OrderId, "the cancellation and its confirmation email", s =>
            s.State.Status == OrderStatus.Cancelled && s.Messages.Any(m => m.Message.Intent == Intent.CancellationConfirmed && m.Message.Status is MessageStatus.Sent or MessageStatus.Delivered));
        Assert.Equal(OrderStatus.Cancelled, snapshot.State.Status);
        var webhook = await EventuallyAsync(() => app.Shop.Received.FirstOrDefault(r => r.Body.Contains(order.OrderId, StringComparison.Ordinal)));
        Assert.Equal("cancellation-requested", webhook.Headers["PostPurchase-Event"]);
        Assert.True(WebhookSignature.Verify(webhook.Headers[WebhookSignature.HeaderName], PagesApp.WebhookSecret, webhook.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task TrackingPage_ForgedToken_Plain404RevealingNothing(string token)
    {
        using var response = await _http.GetAsync(new Uri($"{app.BaseUrl}/track/{token}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is not valid or has expired.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingPage_FreshLinkOfAnOrderNotAppliedYet_SaysItIsComingAndReloadsUntilThePageIsThere()
    {
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).For(Some.Customer("nl")).Build();
        var url = app.TrackingUrl(order.OrderId);

        using var before = await _http.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("5", before.Headers.GetValues("Refresh").Single());
        Assert.Contains("We hebben je bestelling", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.PlaceAsync(order);
        await app.WaitForAsync(order.OrderId, "the order", _ => true);
        await using var browser = await app.Browser.NewContextAsync();
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task TrackingPage_LinkMadeLongAgoForAnOrderNeverStored_Plain404()
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow - PendingOrderPage.Window - TimeSpan.FromMinutes(1));
        var token = new CustomerLinks(PagesApp.SigningKey, app.BaseUrl, past).CreateToken("PP-NEVER-STORED");

        using var response = await _http.GetAsync(new Uri($"{app.BaseUrl}/track/{token}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Refresh"));
    }

    [Fact]
    public async Task Cancel_WithoutAntiforgeryToken_RejectedAndOrderUnchanged()
    {
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).Build();
        await app.PlaceAsync(order);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes", ["lang"] = "en" });

        using var response = await _http.PostAsync(new Uri($"{app.TrackingUrl(order.OrderId)}/cancel"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Confirmed, (await app.WaitForAsync(order.OrderId, "the order", _ => true)).State.Status);
    }

    [Fact]
    public async Task Dashboard_SignInWithTheApiKey_ListsTheOrderAndOpensIt()
    {
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).Build();
        await app.PlaceAsync(order);
        await using var browser = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        Assert.EndsWith("/login?returnUrl=%2F", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key (PostPurchase:ApiKey)").FillAsync("wrong-key");
        await page.GetByTestId("login-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await page.GetByLabel("API key (PostPurchase:ApiKey)").FillAsync(PagesApp.ApiKey);
        await page.GetByTestId("login-button").ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-order='{order.OrderId}']")).ToBeVisibleAsync();
        await page.GotoAsync($"/orders/{order.OrderId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {order.OrderId}" })).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync("/metrics"))!.Status);
        Assert.Equal(200, (await page.GotoAsync("/webhooks"))!.Status);
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> find)
    {
        for (var i = 0; i < 150; i++)
        {
            if (find() is { } found)
            {
                return found;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException("Still waiting after 30 s.");
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class PageFlowsOnHost(HostPagesApp app) : PageFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class PageFlowsOnFunctionApp(FunctionsPagesApp app) : PageFlows(app);
