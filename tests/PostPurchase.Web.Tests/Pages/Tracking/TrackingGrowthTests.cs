using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Testing;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Tracking;

namespace PostPurchase.Web.Tests.Pages.Tracking;

public sealed class TrackingGrowthTests
{
    private static readonly MeasuredLinks Links = new("a-signing-key-for-page-tests", "https://shop.example", new FakeTimeProvider(Some.Monday));

    private static readonly TimelinePolicy Policy = TimelinePolicy.Default with
    {
        Growth = new GrowthPolicy
        {
            Recommendations = new RecommendationPolicy
            {
                ByCategory = new(StringComparer.OrdinalIgnoreCase)
                {
                    ["electronics"] = [new() { Sku = "CASE-1", Name = "Headphone case", Url = "https://shop.example/p/case", ImageUrl = "https://shop.example/img/case.jpg" }],
                },
            },
        },
    };

    private static string Render(TimelineState state) => TrackingPageRenderer.Render(new TrackingPageModel(
        state, new Branding(), Policy, new PagesOptions(), Some.Monday.AddDays(4), "en", "/track/tok", Growth: TrackingGrowth.For(state, Policy, Links)));

    [Fact]
    public void Render_BeforeShipping_ShowsNoRecommendation()
    {
        Assert.DoesNotContain("data-testid=\"recommendations\"", Render(States.Confirmed()), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AfterShipping_ShowsTheComplementThroughAMeasuredLink()
    {
        var state = States.Shipped();

        var html = Render(state);

        Assert.Contains("You may also like", html, StringComparison.Ordinal);
        Assert.Contains("Headphone case", html, StringComparison.Ordinal);
        var token = Links.Token(state.Order.OrderId, null, "rec:CASE-1");
        Assert.Contains($"href=\"/l/{token}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://shop.example/p/case", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CancelledAfterShipping_ShowsNoRecommendation()
    {
        var state = States.Shipped() with { Status = OrderStatus.Cancelled };

        Assert.DoesNotContain("data-testid=\"recommendations\"", Render(state), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Your loyalty points: 1,250")]
    [InlineData("de", "Ihre Treuepunkte: 1.250")]
    public void Render_LoyaltyFromIntake_ShowsPointsAndTierInTheBuyersLanguage(string locale, string points)
    {
        var order = OrderBuilder.Electronics().Build();
        var state = States.Confirmed(order with { Customer = order.Customer with { Loyalty = new LoyaltyStatus(1250, "Gold") } });

        var html = TrackingPageRenderer.Render(new TrackingPageModel(state, new Branding(), Policy, new PagesOptions(), Some.Monday, locale, "/track/tok",
            Growth: TrackingGrowth.For(state, Policy, Links)));

        Assert.Contains(points, html, StringComparison.Ordinal);
        Assert.Contains("Gold", html, StringComparison.Ordinal);
    }
}
