using Microsoft.Playwright;
using PostPurchase.Core.Growth;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>The tracking page's recommendations in Chromium: shown once the order shipped, and their measured link records the click before it redirects.</summary>
[Collection(PagesHostCollection.Name)]
public sealed class GrowthPageTests(PagesHost host)
{
    [Fact]
    public async Task Page_BeforeShipping_ShowsNoRecommendation()
    {
        var order = OrderBuilder.Skincare().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);
        await using var browser = await BrowserPage.OpenAsync(host);

        await browser.Page.GotoAsync(host.TrackingUrl(order.OrderId));

        await Assertions.Expect(browser.Page.GetByTestId("order-status")).ToBeVisibleAsync();
        Assert.Equal(0, await browser.Page.GetByTestId("recommendations").CountAsync());
    }

    [Fact]
    public async Task Page_AfterShipping_RecommendationLinkRecordsTheClickThenRedirectsToTheProduct()
    {
        var (order, _) = await Scenarios.ShippedAsync(host, builder: OrderBuilder.Skincare());
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId));

        var link = page.GetByTestId("recommendation");
        await Assertions.Expect(link).ToHaveTextAsync(PagesHost.Recommended.Name);
        Assert.StartsWith("/l/", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("tracking-recommendations");
        var product = await page.RunAndWaitForRequestAsync(
            () => link.ClickAsync(),
            request => request.Url.StartsWith(PagesHost.Recommended.Url, StringComparison.Ordinal));

        Assert.Equal(PagesHost.Recommended.Url, product.Url);
        Assert.Contains("/l/", product.RedirectedFrom?.Url ?? "", StringComparison.Ordinal);
        var clicks = (await host.SnapshotAsync(order.OrderId)).State.Clicks;
        Assert.Equal((null, Recommendations.LinkOf(PagesHost.Recommended.Sku)), (clicks.Single().MessageKey, clicks.Single().Link));
    }
}
