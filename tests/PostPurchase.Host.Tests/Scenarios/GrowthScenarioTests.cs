using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Scenarios;

/// <summary>Repeat purchase end to end over HTTP on Azurite and the simulated clock: reminders, measured clicks, attribution, A/B pages.</summary>
[Collection(HostCollection.Name)]
public sealed partial class GrowthScenarioTests(AzuriteServer azurite)
{
    private static readonly DateTimeOffset T0 = HostApp.Start;
    private static readonly ConsentGrant WithMarketing = new(Sms: true, WhatsApp: false, Marketing: true, WordingVersion: "checkout-v3");

    private static readonly Dictionary<string, string> Replenishment = new()
    {
        ["PostPurchase:Policy:Growth:Replenishment:SkuDays:SERUM-30"] = "30",
        ["PostPurchase:Policy:Growth:Replenishment:Reorder:Kind"] = "shopify",
        ["PostPurchase:Policy:Growth:Replenishment:Reorder:ShopUrl"] = "https://shop.example",
    };

    [Fact]
    public async Task Growth_TwoOrdersOfOneBuyer_TheSecondIsAttributedToTheFirstsReminderClick()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Replenishment);
        var merchant = app.Merchant();
        var first = OrderBuilder.Skincare().PlacedAt(T0).WithConsent(WithMarketing).WithShipment("postnl", Some.TrackingNumber()).Build();
        await PlaceAndDeliverAsync(app, first);

        await Dev.AdvanceAsync(app, "P31D");                                  // the 30 days of one serum, to the reminder's 10:00
        var reminder = (await Dev.MessagesAsync(merchant, first.OrderId)).Single(m => m.Intent == Intent.ReplenishmentReminder);
        Assert.Equal((MessageStatus.Sent, Channel.Email), (reminder.Status, reminder.Channel));
        var link = MeasuredLink().Match(reminder.Body!).Value;
        Assert.StartsWith("https://shop.example/l/", link, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Anonymous().BaseAddress };
        var click = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("https://shop.example/cart/SERUM-30:1", click.Headers.Location!.ToString());
        var clicked = await StateAsync(app, first.OrderId);
        Assert.Equal(new LinkClick(reminder.Key, "cta", clicked.Clicks.Single().At), clicked.Clicks.Single());

        var now = await Dev.AdvanceAsync(app, "P2D");
        var second = OrderBuilder.Skincare().PlacedAt(now).For(Some.Customer() with { Email = " Anna@Example.com", Consent = WithMarketing }).Build();
        Assert.Equal(HttpStatusCode.Accepted, (await merchant.PostAsync("/api/orders", Json.Intake(second))).StatusCode);
        await Dev.DrainAsync(app);

        var secondState = await StateAsync(app, second.OrderId);
        Assert.Equal(2, secondState.Buyer!.OrderNumber);
        Assert.Equal((first.OrderId, reminder.Key), (secondState.Buyer.AttributedTo!.OrderId, secondState.Buyer.AttributedTo.MessageKey));
        var reorder = Assert.Single((await StateAsync(app, first.OrderId)).Reorders);
        Assert.Equal((second.OrderId, second.Totals.Total, true), (reorder.OrderId, reorder.Total, reorder.Attributed));
        var confirmation = (await Dev.MessagesAsync(merchant, second.OrderId)).Single(m => m.Intent == Intent.OrderConfirmation && m.Channel == Channel.Email);
        Assert.Contains("Dit is je bestelling nummer 2 bij ons.", confirmation.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Growth_ReviewCopyTest_ThePagesCountsMatchTheMessagesSent()
    {
        var test = new Experiment
        {
            Id = "review-copy",
            Intent = Intent.ReviewRequest,
            Arms = [new() { Name = "control" }, new() { Name = "short" }, new() { Name = "holdout", Holdout = true }],
        };
        await using var app = new HostApp(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["PostPurchase:Policy:Growth:Experiments:0:Id"] = test.Id,
            ["PostPurchase:Policy:Growth:Experiments:0:Intent"] = "review-request",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:0:Name"] = "control",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:1:Name"] = "short",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:1:Strings:subject"] = "Eén minuutje, {{ customer.first_name }}?",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:2:Name"] = "holdout",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:2:Holdout"] = "true",
        });
        var merchant = app.Merchant();
        // Distinct buyers: the weekly marketing cap of one buyer must not be what is measured here.
        var orders = Enumerable.Range(0, 9)
            .Select(i => OrderBuilder.Apparel().PlacedAt(T0).For(Some.Customer() with { Email = $"buyer{i}@example.com" }).WithShipment("postnl", Some.TrackingNumber()).Build())
            .ToList();
        foreach (var order in orders)
        {
            await PlaceAndDeliverAsync(app, order);
        }

        await Dev.AdvanceAsync(app, "P10D");                                  // past every apparel review (7 days after delivery)

        var sent = new Dictionary<string, int>(StringComparer.Ordinal) { ["control"] = 0, ["short"] = 0, ["holdout"] = 0 };
        var reached = new Dictionary<string, int>(sent, StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var arm = ArmAssignment.Pick(test, order.OrderId).Name;
            var review = (await Dev.MessagesAsync(merchant, order.OrderId)).Single(m => m.Intent == Intent.ReviewRequest);
            sent[arm] += review.Status == MessageStatus.Sent ? 1 : 0;
            reached[arm]++;
            Assert.Equal(arm == "holdout" ? SuppressionReason.Holdout : null, review.Reason);
            if (arm == "short")
            {
                Assert.Equal("Eén minuutje, Anna?", review.Subject);
            }
        }
        Assert.Contains(sent, s => s.Key != "holdout" && s.Value > 0);

        var page = await merchant.GetStringAsync($"/experiments/{test.Id}");
        foreach (var arm in sent.Keys)
        {
            Assert.Equal(sent[arm], Cell(page, $"{arm}-sends"));
            Assert.Equal(reached[arm], Cell(page, $"{arm}-reached"));
            Assert.Equal(reached[arm], Cell(page, $"{arm}-orders"));
        }
        Assert.Contains("data-testid=\"verdict-short\"", page, StringComparison.Ordinal);
        Assert.Contains("Too early to tell", page, StringComparison.Ordinal);
    }

    private static async Task PlaceAndDeliverAsync(HostApp app, Order order)
    {
        var merchant = app.Merchant();
        Assert.Equal(HttpStatusCode.Accepted, (await merchant.PostAsync("/api/orders", Json.Intake(order))).StatusCode);
        var tracking = order.Shipments[0].TrackingNumber;
        foreach (var (status, hours) in new[] { (TrackingStatus.InTransit, 2), (TrackingStatus.Delivered, 26) })
        {
            var at = order.PlacedAt.AddHours(hours);
            if (at > app.Clock!.GetUtcNow())
            {
                await Dev.AdvanceAsync(app, $"PT{(int)Math.Ceiling((at - app.Clock.GetUtcNow()).TotalMinutes)}M");
            }
            var response = await app.Anonymous().SendAsync(CarrierPayloads.Build("generic", tracking, status, at, Some.EventId()).ToRequest());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Dev.DrainAsync(app);
        }
    }

    private static async Task<TimelineState> StateAsync(HostApp app, string orderId) =>
        (await app.Services.GetRequiredService<IOrderWorkflows>().GetAsync(orderId, CancellationToken.None))!.State;

    private static int Cell(string page, string testId)
    {
        var match = Regex.Match(page, $"data-testid=\"{Regex.Escape(testId)}\">(\\d+)<", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"no cell {testId} on the page");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"https://shop\.example/l/[A-Za-z0-9_-]+")]
    private static partial Regex MeasuredLink();
}
