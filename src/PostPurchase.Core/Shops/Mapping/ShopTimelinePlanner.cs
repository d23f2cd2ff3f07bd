using System.Globalization;
using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Shops.Mapping;

/// <summary>Turns what is known of a shop order into the timeline inputs it has not been given yet (pure: the time is an argument, no I/O).</summary>
/// <remarks>
/// Placed first, then edits, parcels (each tracking number with its fulfilment's items, and the hand-over as an in-transit
/// event), the platform's own carrier statuses, the cancellation (source "shop", so nothing goes back to the shop) and
/// refunds. Every input is idempotent in the timeline too, so handing one twice after a crash changes nothing.
/// </remarks>
public static class ShopTimelinePlanner
{
    /// <summary>The source of a cancellation made in the shop's admin.</summary>
    public const string ShopSource = "shop";

    /// <summary>The plan for <paramref name="record"/> as it reaches PostPurchase at <paramref name="now"/>; throws <see cref="ShopPayloadException"/> when the order cannot be placed.</summary>
    public static ShopTimelinePlan Plan(ShopOrderRecord record, ShopMapping mapping, IReadOnlyDictionary<string, ProductFacts> products, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mapping);
        if (record.Order is not { } shop)
        {
            return new ShopTimelinePlan([], record, null);
        }
        var inputs = new List<TimelineInput>();
        var next = record;
        if (!next.Placed)
        {
            var why = shop.NotPlaceable ?? (shop.CancelledReason is not null ? "Cancelled before it was placed here." : null) ?? TooOld(shop, mapping, now);
            if (why is not null)
            {
                return new ShopTimelinePlan([], next with { Skipped = why }, why);
            }
            var order = ShopOrderFactory.Build(shop, mapping, products, out var skipped);
            if (order is null)
            {
                return new ShopTimelinePlan([], next with { Skipped = skipped }, skipped);
            }
            inputs.Add(new OrderPlaced(order));
            next = next with { Placed = true, Skipped = null, GivenOrder = Facts(order) };
        }
        else if (Rebuild(shop, mapping, products) is { } updated && Facts(updated) != next.GivenOrder)
        {
            inputs.Add(new OrderUpdated(updated));
            next = next with { GivenOrder = Facts(updated) };
        }
        next = Parcels(next, shop, inputs);
        if (shop.CancelledReason is { } reason && !next.GivenCancel)
        {
            inputs.Add(new OrderCancelled(ShopSource, reason));
            next = next with { GivenCancel = true };
        }
        next = Refunds(next, shop, inputs);
        return new ShopTimelinePlan(inputs, next, null);
    }

    private static string? TooOld(ShopOrder shop, ShopMapping mapping, DateTimeOffset now) =>
        mapping.MaxOrderAge is { } max && now - shop.PlacedAt > max
            ? string.Create(CultureInfo.InvariantCulture,
                $"Placed {shop.PlacedAt.UtcDateTime:yyyy-MM-dd}, {(now - shop.PlacedAt).TotalDays:0} days before it reached PostPurchase (Shops:MaxOrderAge {max.TotalDays:0} days): an older order changed in the shop, not a new sale.")
            : null;

    private static ShopOrderRecord Parcels(ShopOrderRecord record, ShopOrder shop, List<TimelineInput> inputs)
    {
        var parcels = record.GivenParcels.ToList();
        var given = record.GivenEvents.ToHashSet(StringComparer.Ordinal);
        var events = record.GivenEvents.ToList();
        void Give(TrackingEvent e)
        {
            if (given.Add(e.EventId))
            {
                inputs.Add(new TrackingUpdated(e));
                events.Add(e.EventId);
            }
        }
        foreach (var f in record.Fulfilments.Where(f => !f.Cancelled).OrderBy(f => f.ShippedAt))
        {
            for (var i = 0; i < f.TrackingNumbers.Count; i++)
            {
                var number = f.TrackingNumbers[i];
                var key = ParcelKey.Of(number);
                if (key.Length == 0)
                {
                    continue;
                }
                var url = i < f.TrackingUrls.Count ? f.TrackingUrls[i] : f.TrackingUrls.FirstOrDefault();
                if (!parcels.Contains(key))
                {
                    inputs.Add(new ShipmentRegistered(new ShipmentRef(f.Carrier, number, f.Skus.Count > 0 ? f.Skus.Distinct(StringComparer.Ordinal).ToList() : null)));
                    parcels.Add(key);
                }
                // Handing the parcel over is the shop's "shipped": the buyer hears of it even when no carrier scan ever comes.
                Give(Event(shop, f, number, url, $"{f.Id}:{key}:shipped", TrackingStatus.InTransit, "shipped", f.ShippedAt, "Handed to the carrier", null, null));
                if (f.ShipmentStatus is { } raw)
                {
                    Give(Event(shop, f, number, url, $"{f.Id}:{key}:{raw}", ShopifyShipmentStatus.Map(raw), raw, f.UpdatedAt, null, null, null));
                }
                foreach (var e in record.Events.Where(e => e.FulfilmentId == f.Id).OrderBy(e => e.HappenedAt))
                {
                    Give(Event(shop, f, number, url, $"{e.Id}:{key}", ShopifyShipmentStatus.Map(e.Status), e.Status, e.HappenedAt, e.Message, e.Location, e.EstimatedDeliveryAt));
                }
            }
        }
        return record with { GivenParcels = parcels, GivenEvents = events };
    }

    private static ShopOrderRecord Refunds(ShopOrderRecord record, ShopOrder shop, List<TimelineInput> inputs)
    {
        var given = record.GivenRefunds.ToList();
        var refunds = record.Refunds.OrderBy(r => r.At).ToList();
        if (shop.RefundedInFull && refunds.Count == 0)
        {
            refunds.Add(new ShopRefund("full", shop.UpdatedAt, shop.Totals.Total, false, null));
        }
        var total = 0m;
        for (var i = 0; i < refunds.Count; i++)
        {
            var r = refunds[i];
            total += r.Amount ?? 0m;
            if (given.Contains(r.Id))
            {
                continue;
            }
            var last = i == refunds.Count - 1;
            var full = (last && shop.RefundedInFull) || total >= shop.Totals.Total - 0.01m;
            inputs.Add(new OrderRefunded(r.Returned, r.Reason, !full, r.Amount, $"{shop.Platform}:{r.Id}"));
            given.Add(r.Id);
        }
        return record with { GivenRefunds = given };
    }

    private static TrackingEvent Event(ShopOrder shop, ShopFulfilment f, string number, string? url, string id, TrackingStatus status, string raw,
        DateTimeOffset at, string? description, string? location, DateTimeOffset? estimate) =>
        new(shop.Platform, id, f.Carrier, number, status, raw, at, description, location, estimate, shop.Number, url);

    private static Order? Rebuild(ShopOrder shop, ShopMapping mapping, IReadOnlyDictionary<string, ProductFacts> products)
    {
        try
        {
            return ShopOrderFactory.Build(shop, mapping, products, out _);
        }
        catch (ShopPayloadException)
        {
            return null; // an edit that removed the email keeps the facts the timeline has
        }
    }

    private static string Facts(Order order) => JsonSerializer.Serialize(order, CoreJson.Options);
}
