using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>Repeat purchase on the Azure runtime: intake reads the buyer profile, and marketing is reserved through an activity before it goes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrowthDurableTests(AzuriteServer azurite)
{
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly TimelinePolicy OneReminderAWeek = TimelinePolicy.Default with
    {
        Csat = new CsatPolicy { Enabled = false },
        Review = new ReviewPolicy { Enabled = false },
        Growth = new GrowthPolicy
        {
            WeeklyMarketingCap = 1,
            Replenishment = new ReplenishmentPolicy { SkuDays = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = 1, ["SERUM-50"] = 1 } },
        },
    };

    [Fact]
    public async Task RunAsync_TwoOrdersOfOneBuyerDueTogether_TheActivityReservesOneReminderAndTheOtherWaits()
    {
        await using var app = await StartAsync(azurite.ConnectionString, OneReminderAWeek, FastRetry, buyers: true);
        // Delivered days ago: each reminder (a day after delivery, at 10:00) is due the moment the delivery is known.
        var placed = Time.GetUtcNow().AddDays(-6);
        var consent = new ConsentGrant(false, false, Marketing: true);
        var first = OrderBuilder.Skincare().WithId(Some.OrderId()).PlacedAt(placed).WithConsent(consent).WithShipment("postnl", Some.TrackingNumber()).Build();
        var second = new OrderBuilder().WithId(Some.OrderId()).PlacedAt(placed.AddMinutes(5)).WithConsent(consent)
            .WithItem("SERUM-50", "Serum 50 ml", "skincare", 1, 49m).WithShipment("postnl", Some.TrackingNumber()).Build();

        await app.Workflows.StartAsync(first, None);
        await app.Workflows.StartAsync(second, None);
        var told = await app.SavedAsync(first.OrderId, "the first order told of the second", s => s.State.Reorders.Count == 1);
        var secondRun = await app.SavedAsync(second.OrderId, "the second order's state", s => s.State.Buyer is not null);
        Assert.Equal((1, 2), (told.State.Buyer!.OrderNumber, secondRun.State.Buyer!.OrderNumber));

        foreach (var order in new[] { first, second })
        {
            var parcel = order.Shipments[0].TrackingNumber;
            var delivered = new TrackingEvent("aftership", Some.EventId(), "postnl", parcel, TrackingStatus.Delivered, "Delivered", placed.AddDays(1));
            await app.Ingress.AcceptAsync([delivered], None);
        }

        await EventuallyAsync("one reminder sent", () => app.Email.Sent(Intent.ReplenishmentReminder).SingleOrDefault());
        var held = await EventuallyAsync("the other reminder held by the weekly cap", async () =>
        {
            foreach (var order in new[] { first, second })
            {
                var saved = await app.SavedAsync(order.OrderId, "a state", _ => true);
                if (saved.State.Messages.FirstOrDefault(m => m.Intent == Intent.ReplenishmentReminder && m.Facts?.ContainsKey("heldSince") == true) is { } waiting)
                {
                    return waiting;
                }
            }
            return null;
        });
        Assert.Equal(MessageStatus.Scheduled, held.Status);
        Assert.True(held.ScheduledFor > Time.GetUtcNow().AddDays(6), $"held until {held.ScheduledFor:o}");
        Assert.Single(app.Email.Sent(Intent.ReplenishmentReminder));
        var profile = await app.Buyers!.GetAsync(told.State.Buyer.Key, None);
        Assert.Equal(Intent.ReplenishmentReminder, Assert.Single(profile!.Activity.RecentMarketing).Intent);
    }
}
