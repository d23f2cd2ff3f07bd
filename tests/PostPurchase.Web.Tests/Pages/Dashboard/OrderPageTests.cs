using System.Net;
using System.Text.RegularExpressions;
using PostPurchase.Core.Growth;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Tests.Pages.Dashboard;

public sealed class OrderPageTests
{
    private static readonly DashboardChrome Chrome = new(new(), null, null);

    [Fact]
    public void Render_ReturningBuyerWhoCameFromAReminderAndOrderedAgain_ShowsTheBuyerAcrossOrders()
    {
        var buyer = new BuyerFacts("b-key", 3, Some.Monday.AddDays(-120), Some.Monday.AddDays(-60), ["skincare"], "MOLEN-7QX",
            new Attribution("A-100", "A-100:replenishment-reminder:email", "reorder", Some.Monday.AddHours(-2)));
        var state = States.Delivered() with
        {
            Buyer = buyer,
            Clicks = [new LinkClick(null, "rec:SERUM-30", Some.Monday.AddDays(4))],
            Reorders = [new Reorder("A-300", Some.Monday.AddDays(40), ["SERUM-30"], 39.95m, "EUR", true)],
            Experiments = [new ExperimentAssignment("review-timing", "early")],
        };

        var page = OrderPage.Render(Chrome, new OrderSnapshot(state, []), "https://track.example/t");

        string Text(string id) => ItemText(page, id);
        Assert.Contains("order 3 with the shop", Text("buyer-order-number"), StringComparison.Ordinal);
        Assert.Contains("skincare", Text("buyer-categories"), StringComparison.Ordinal);
        Assert.Contains("MOLEN-7QX", Text("buyer-referral-code"), StringComparison.Ordinal);
        Assert.Contains("\"reorder\" of order A-100", Text("buyer-attribution"), StringComparison.Ordinal);
        Assert.Contains("\"rec:SERUM-30\" on the tracking page", Text("buyer-click"), StringComparison.Ordinal);
        Assert.Contains("A-300", Text("buyer-reorder"), StringComparison.Ordinal);
        Assert.Contains("39.95 EUR, credited to this order's messages", Text("buyer-reorder"), StringComparison.Ordinal);
        Assert.Contains("review-timing: arm early", Text("buyer-experiment"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OrderWithoutBuyerProfileOrActivity_NoBuyerCard()
    {
        var page = OrderPage.Render(Chrome, new OrderSnapshot(States.Delivered(), []), "https://track.example/t");

        Assert.DoesNotContain("data-testid=\"buyer", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FirstOrder_SaysSo()
    {
        var state = States.Confirmed() with { Buyer = new BuyerFacts("b-key", 1, Some.Monday, null, []) };

        var page = OrderPage.Render(Chrome, new OrderSnapshot(state, []), "https://track.example/t");

        Assert.Equal("First order with the shop", ItemText(page, "buyer-order-number"));
    }

    /// <summary>The decoded text of the list item with <paramref name="testId"/>.</summary>
    private static string ItemText(string html, string testId)
    {
        var match = Regex.Match(html, $"<li data-testid=\"{testId}\">(.*?)</li>", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"No item {testId} on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
