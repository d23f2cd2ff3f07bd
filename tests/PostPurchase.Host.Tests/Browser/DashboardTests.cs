using Microsoft.Playwright;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class DashboardTests(PagesHost host)
{
    private const string MailError = "550 5.1.1 mailbox unavailable";

    [Fact]
    public async Task Dashboard_SignInListOrderTimelinePreviewChartsFailuresAndPoison()
    {
        var delivered = await Scenarios.DeliveredAsync(host);
        await host.RaiseAsync(delivered.OrderId, new CsatAnswered(4));
        var failing = OrderBuilder.Skincare().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(failing);
        await host.RaiseAsync(failing.OrderId, new MessageStatusChanged(MessageKey.For(failing.OrderId, Intent.OrderConfirmation, Channel.Email), MessageStatus.Failed, null, MailError));
        var poisoned = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(poisoned);
        await host.RaiseAsync(poisoned.OrderId, new OrderCancelled("merchant", PagesHost.PoisonReason));
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;

        await page.GotoAsync("/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key (PostPurchase:ApiKey)").FillAsync("wrong-key");
        await page.GetByTestId("login-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await page.GetByLabel("API key (PostPurchase:ApiKey)").FillAsync(PagesHost.ApiKey);
        await page.GetByTestId("login-button").ClickAsync();
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "pp_dash");
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(PagesHost.ApiKey, cookie.Value, StringComparison.Ordinal);

        await Assertions.Expect(page.Locator($"tr[data-order='{delivered.OrderId}']")).ToBeVisibleAsync();
        await page.GetByTestId("search").FillAsync(failing.OrderId);
        await page.GetByTestId("filter-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("order-row")).ToContainTextAsync("1 failed");
        await browser.ScreenshotAsync("dashboard-orders");

        await page.GotoAsync($"/orders/{delivered.OrderId}");
        await Assertions.Expect(page.Locator("[data-testid=timeline] tr[data-kind=tracking-updated]")).ToHaveCountAsync(3);
        var confirmation = page.Locator("[data-testid=message][data-intent=order-confirmation][data-channel=email]");
        await confirmation.Locator("summary").ClickAsync();
        await Assertions.Expect(confirmation.GetByTestId("preview")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-order");

        await page.GotoAsync($"/orders/{failing.OrderId}");
        await Assertions.Expect(page.Locator("[data-testid=message][data-status=failed]")).ToHaveCountAsync(1);

        await page.GotoAsync("/metrics");
        await Assertions.Expect(page.GetByTestId("chart-by-intent").Locator("rect[data-value]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-csat").Locator("rect[data-value='1']").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("chart-on-time").Locator("rect[data-value]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("failed-sends")).ToContainTextAsync(MailError);
        await Assertions.Expect(page.GetByTestId("poison")).ToContainTextAsync("Simulated fault: this input cannot be applied.");
        await browser.ScreenshotAsync("dashboard-metrics");
    }

    [Fact]
    public async Task Dashboard_WithoutKeyOrCookie_RedirectsToSignInAndRejectsPosts()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };

        using var page = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var post = await http.PostAsync(new Uri("/orders/PP-1/cancel", UriKind.Relative), new FormUrlEncodedContent([]));
        using var withKey = await http.GetAsync(new Uri($"/?code={PagesHost.ApiKey}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SimulatedClock_AdvanceRunsWhatIsDue()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Promising(TimeSpan.FromDays(1), TimeSpan.FromDays(3)).Build();
        await host.PlaceAsync(order);
        var before = host.Clock.GetUtcNow();
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync($"/orders/{order.OrderId}?code={PagesHost.ApiKey}");

        await page.GetByLabel("Advance by (ISO 8601 duration, e.g. P1D or PT6H)").FillAsync("P2D");
        await page.GetByTestId("clock-advance").ClickAsync();

        await Assertions.Expect(page.GetByTestId("clock")).Not.ToHaveTextAsync(before.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before + TimeSpan.FromDays(2), host.Clock.GetUtcNow());
        Assert.Contains($"/orders/{order.OrderId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=message][data-intent=delay-not-shipped]").First).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Dashboard_WebhookLog_ShowsDeliveriesAndReplays()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).For(Some.Customer("en")).Build();
        await host.PlaceAsync(order);
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId));
        await page.GetByTestId("cancel-button").ClickAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        var before = host.Shop.Received.Count;

        await page.GotoAsync($"/webhooks?code={PagesHost.ApiKey}");
        var row = page.Locator("tr[data-testid=delivery]", new() { HasText = order.OrderId });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "delivered");
        await row.GetByTestId("replay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();

        await host.Shop.WaitForAsync(before + 1, TimeSpan.FromSeconds(10));
        Assert.Contains(order.OrderId, host.Shop.Received[^1].Body, StringComparison.Ordinal);
    }
}
