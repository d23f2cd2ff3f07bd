using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Pages;

public sealed class TrackingPageRendererTests
{
    public static TheoryData<string> Locales => new(PageText.Locales);

    [Fact]
    public void Render_NothingShipped_OffersCancelNotReturnOrRating()
    {
        var html = Render(States.Confirmed(), Some.Monday.AddHours(1));

        Assert.Contains("data-testid=\"cancel-button\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"return-button\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rate-button\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/track/tok/cancel\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__af\" value=\"af-token\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AfterFirstScan_CancelReplacedByReturnExplanation()
    {
        var html = Render(States.Shipped(), Some.Monday.AddDays(2));

        Assert.DoesNotContain("data-testid=\"cancel-button\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cancel-too-late\"", html, StringComparison.Ordinal);
        Assert.Contains("30", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Delivered_ReturnFormOffersExchangeFirstAndPreselected()
    {
        var html = Render(States.Delivered(), Some.Monday.AddDays(5));

        var exchange = html.IndexOf("data-testid=\"resolution-exchange\" checked", StringComparison.Ordinal);
        var credit = html.IndexOf("data-testid=\"resolution-store-credit\"", StringComparison.Ordinal);
        var refund = html.IndexOf("data-testid=\"resolution-refund\"", StringComparison.Ordinal);
        Assert.True(exchange > 0 && exchange < credit && credit < refund, "exchange, then store credit, then refund");
        Assert.Contains("Store credit worth 10% more", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rate-button\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"howto\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReturnWindowOver_NoReturnForm()
    {
        var html = Render(States.Delivered(), Some.Monday.AddDays(3 + 31));

        Assert.DoesNotContain("data-testid=\"return-button\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ParcelWithScans_ListsEveryEventNewestFirstWithLastScan()
    {
        var placed = Some.Monday;
        var first = States.Event(placed.AddDays(1), TrackingStatus.InTransit, "Utrecht");
        var second = States.Event(placed.AddDays(2), TrackingStatus.OutForDelivery, "Amsterdam");
        var html = Render(States.Shipped(null, first, second), placed.AddDays(2));

        var a = html.IndexOf($"data-event-id=\"{second.EventId}\"", StringComparison.Ordinal);
        var b = html.IndexOf($"data-event-id=\"{first.EventId}\"", StringComparison.Ordinal);
        Assert.True(a > 0 && a < b, "newest event first");
        Assert.Contains("data-testid=\"last-scan\"", html, StringComparison.Ordinal);
        Assert.Contains("Amsterdam", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"out-for-delivery\" aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Contains("https://postnl.example/track/3SPP000001", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CarrierEstimateAfterPromise_ShowsMovedDate()
    {
        var state = States.Shipped();
        var late = state.Order.Promise.DeliverBy.AddDays(2);
        state = state with { Parcels = [state.Parcels[0] with { CarrierEstimate = late }] };

        var html = Render(state, Some.Monday.AddDays(2));

        Assert.Contains("data-testid=\"expected-moved\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileOrderValues_AreEncoded()
    {
        var order = OrderBuilder.Apparel().WithItem("X", "<script>alert(1)</script>", "other", 1, 1m).Build();
        var state = States.Confirmed(order);

        var html = Render(state, Some.Monday, branding: new Branding { ShopName = "\"><img src=x onerror=alert(1)>", PrimaryColor = "red;}body{display:none" });

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("--brand:#1f6feb", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Address_IsPartlyMasked()
    {
        var html = Render(States.Confirmed(), Some.Monday);

        Assert.DoesNotContain("Damrak 1", html, StringComparison.Ordinal);
        Assert.Contains("Da•••• 1", html, StringComparison.Ordinal);
        Assert.Contains("Amsterdam", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Render_EveryLocale_PageInThatLanguageWithSwitcher(string locale)
    {
        var html = Render(States.Delivered(), Some.Monday.AddDays(4), locale, notice: "rated");

        Assert.Contains($"<html lang=\"{locale}\">", html, StringComparison.Ordinal);
        Assert.Contains(PageText.For(locale)["done.rated"], System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        foreach (var other in PageText.Locales)
        {
            Assert.Contains($"href=\"/track/tok?lang={other}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_UnknownNotice_Ignored()
    {
        var html = Render(States.Confirmed(), Some.Monday, notice: "<b>pwned</b>");

        Assert.DoesNotContain("data-testid=\"notice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderNotFound_RevealsNothingAboutOrders()
    {
        var html = NotFoundPage.Render();

        Assert.Contains("This link is not valid or has expired.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PP-", html, StringComparison.Ordinal);
    }

    internal static string Render(TimelineState state, DateTimeOffset now, string locale = "en", Branding? branding = null, string? notice = null) =>
        TrackingPageRenderer.Render(new TrackingPageModel(
            state, branding ?? new Branding { ShopName = "Tulip & Co" }, TimelinePolicy.Default, new PagesOptions(), now, locale, "/track/tok",
            new AntiforgeryField("__af", "af-token"), notice));
}
