using Microsoft.Playwright;
using PostPurchase.Core.Serialization;
using PostPurchase.Web.Pages;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class TrackingPageTests(PagesHost host)
{
    public static TheoryData<string> Locales => new(PageText.Locales);

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Page_EveryLocalePhoneAndDesktop_TimelineMatchesEventsAndNoExternalRequestsButShopImages(string locale)
    {
        var (order, events) = await Scenarios.ShippedAsync(host, locale);
        var snapshot = await host.SnapshotAsync(order.OrderId);
        var text = PageText.For(locale);

        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
        {
            await using var browser = await BrowserPage.OpenAsync(host, width, height);
            var page = browser.Page;
            var response = await page.GotoAsync(host.TrackingUrl(order.OrderId));

            Assert.Equal(200, response!.Status);
            Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
            await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync(text[$"status.{WireName.Of(snapshot.State.Status)}"]);
            var shown = await page.GetByTestId("event").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.eventId)");
            Assert.Equal(events.OrderByDescending(e => e.OccurredAt).Select(e => e.EventId), shown);
            await Assertions.Expect(page.GetByTestId("last-scan")).ToContainTextAsync("Amsterdam");
            Assert.Equal("out-for-delivery", await page.GetByTestId("parcel").GetAttributeAsync("data-status"));
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "no horizontal scrolling");
            await browser.ScreenshotAsync($"tracking-{locale}-{name}");
            var images = order.Items.Select(i => i.ImageUrl).ToHashSet();
            Assert.All(browser.ExternalRequests, url => Assert.Contains(url, images));
        }
    }

    [Fact]
    public async Task Page_LanguageSwitcher_RendersChosenLocale()
    {
        var (order, _) = await Scenarios.ShippedAsync(host, "en");
        await using var browser = await BrowserPage.OpenAsync(host);

        await browser.Page.GotoAsync(host.TrackingUrl(order.OrderId));
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Polski" }).ClickAsync();

        Assert.Equal("pl", await browser.Page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = PageText.For("pl")["statusHeading"] })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Page_Delivered_NoSeriousAccessibilityViolations()
    {
        var order = await Scenarios.DeliveredAsync(host);
        var context = await host.Browser.NewContextAsync(new() { BypassCSP = true, ViewportSize = new() { Width = 390, Height = 844 } });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(host.TrackingUrl(order.OrderId));
            var (serious, json) = await Axe.SeriousViolationsAsync(page);

            Assert.True(serious.Count == 0, $"axe-core violations: {json}");
            Assert.True(await page.GetByTestId("return-button").IsVisibleAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
