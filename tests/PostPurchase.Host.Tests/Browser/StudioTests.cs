using Microsoft.Playwright;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>The merchant studio in Chromium against the real Host with the simulated clock: what a merchant edits reaches the next messages.</summary>
/// <remarks>Flows without the clock (templates, axe) run against both runtimes in the Web tests' StudioFlows.</remarks>
[Collection(StudioHostCollection.Name)]
public sealed class StudioTests(StudioHost host)
{
    [Fact]
    public async Task Flows_SmsOffForShipped_NextShippedSmsNotSentButEmailIs()
    {
        var before = await host.ShippedAsync(OrderBuilder.Electronics());
        Assert.Contains((await host.SnapshotAsync(before.OrderId)).Messages, m => m.Message.Intent == Intent.Shipped && m.Message.Channel == Channel.Sms);
        await using var browser = await host.SignedInAsync("/studio/flows");
        var page = browser.Page;

        await page.GetByTestId("flow-shipped-sms").UncheckAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Saved as version");
        await Assertions.Expect(page.GetByTestId("flow-shipped-sms")).Not.ToBeCheckedAsync();

        var after = await host.ShippedAsync(OrderBuilder.Electronics());
        var messages = (await host.SnapshotAsync(after.OrderId)).Messages.Where(m => m.Message.Intent == Intent.Shipped).Select(m => m.Message.Channel).ToList();
        Assert.Contains(Channel.Email, messages);
        Assert.DoesNotContain(Channel.Sms, messages);
    }

    [Fact]
    public async Task Flows_SkincareReviewDelay_SentenceShownAndNewOrderFollowsIt()
    {
        await using var browser = await host.SignedInAsync("/studio/flows");
        var page = browser.Page;
        var categories = page.Locator("textarea[name='review.categoryDays']");
        var text = await categories.InputValueAsync();
        await categories.FillAsync(text.Replace("skincare = 28", "skincare = 16", StringComparison.Ordinal));

        await page.GetByTestId("preview-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sentence").Filter(new() { HasTextString = "Skincare:" })).ToHaveTextAsync(
            "Skincare: survey 2 days after delivery at 10:00 local time, review request 14 days later if the score is 4 or 5 or the survey is not answered.");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Saved as version");

        var order = await host.ShippedAsync(OrderBuilder.Skincare());
        var delivered = host.Clock.GetUtcNow().AddHours(1);
        await host.DeliverAsync(order, delivered);

        var review = (await host.SnapshotAsync(order.OrderId)).State.Messages.Single(m => m.Intent == Intent.ReviewRequest && m.Channel == Channel.Email);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(review.ScheduledFor, zone);
        Assert.Equal((DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(delivered, zone).DateTime).AddDays(16), 10), (DateOnly.FromDateTime(local.DateTime), local.Hour));
    }

    [Fact]
    public async Task Versions_RevertToThePreviousVersion_RestoresItsSettings()
    {
        await using var browser = await host.SignedInAsync("/studio/branding");
        var page = browser.Page;
        var original = await page.Locator("input[name=shopName]").InputValueAsync();
        await page.Locator("input[name=shopName]").FillAsync("Tulip & Co Outlet");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Saved as version");
        var changed = int.Parse((await page.GetByTestId("version").GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Tulip & Co Outlet", (await host.Studio.CurrentAsync(CancellationToken.None)).Branding.ShopName);

        await page.GotoAsync($"/studio/versions/{changed}");
        await Assertions.Expect(page.Locator("[data-testid=change][data-path='branding.shopName']")).ToContainTextAsync("Tulip & Co Outlet");
        await page.GotoAsync("/studio");
        await page.Locator($"[data-testid=version-row][data-version='{changed - 1}'] [data-testid=revert]").ClickAsync();

        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync($"Saved as version {changed + 1}");
        var live = await host.Studio.CurrentAsync(CancellationToken.None);
        Assert.Equal((changed + 1, original), (live.Version, live.Branding.ShopName));
        await Assertions.Expect(page.Locator($"[data-testid=version-row][data-version='{changed + 1}']")).ToContainTextAsync($"Reverted to version {changed - 1}");
    }
}
