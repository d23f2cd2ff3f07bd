using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Carrier events: dedupe, keep, move the parcel forward in time only, and tell the buyer about transitions.</summary>
internal static class TrackingRules
{
    /// <summary>The message a parcel status calls for; null for statuses the buyer is not told about.</summary>
    public static Intent? IntentFor(TrackingStatus status) => status switch
    {
        TrackingStatus.InTransit => Intent.Shipped,
        TrackingStatus.OutForDelivery => Intent.OutForDelivery,
        TrackingStatus.FailedAttempt => Intent.DeliveryFailedAttempt,
        TrackingStatus.AvailableForPickup => Intent.AvailableForPickup,
        TrackingStatus.Delivered => Intent.Delivered,
        TrackingStatus.Exception => Intent.DeliveryException,
        TrackingStatus.ReturnedToSender => Intent.ReturnedToSender,
        _ => null,
    };

    /// <summary>A carrier physically handled the parcel (label creation and unmapped statuses are not scans).</summary>
    public static bool IsScan(TrackingStatus status) =>
        status is not (TrackingStatus.Unknown or TrackingStatus.InfoReceived or TrackingStatus.Expired);

    /// <summary>True when the event was seen before (same provider and event id).</summary>
    public static bool IsDuplicate(TimelineState state, TrackingEvent e) =>
        state.Events.Any(x => x.EventId == e.EventId && string.Equals(x.Provider, e.Provider, StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers a parcel the shop announced; a known tracking number only gains the SKUs it lacked.</summary>
    public static void Register(DecisionContext ctx, ShipmentRef shipment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shipment.TrackingNumber);
        var parcels = ctx.State.Parcels.ToList();
        var i = parcels.FindIndex(p => p.Key == shipment.Key);
        var skus = shipment.Skus ?? [];
        if (i < 0)
        {
            parcels.Add(NewParcel(shipment.Carrier, shipment.TrackingNumber, skus));
        }
        else if (parcels[i].Skus.Count == 0 && skus.Count > 0)
        {
            parcels[i] = parcels[i] with { Skus = skus.ToList() };
        }
        ctx.State = ctx.State with { Parcels = parcels };
        OrderProgress.Recompute(ctx);
    }

    public static ParcelState NewParcel(string carrier, string trackingNumber, IReadOnlyList<string> skus) =>
        new(ParcelKey.Of(trackingNumber), carrier, trackingNumber, skus.ToList(), TrackingStatus.InfoReceived,
            null, null, null, null, null, null, null, []);

    /// <summary>Applies a new (not duplicate) event.</summary>
    public static void Apply(DecisionContext ctx, TrackingEvent e)
    {
        var parcels = ctx.State.Parcels.ToList();
        var i = parcels.FindIndex(p => p.Key == e.ParcelKey);
        if (i < 0)
        {
            // Routed here by order reference before the shop registered the number: the event tells us the parcel.
            parcels.Add(NewParcel(e.Carrier, e.TrackingNumber, []));
            i = parcels.Count - 1;
        }
        var before = parcels[i];
        var after = Advance(before, e);
        parcels[i] = after;
        ctx.State = ctx.State with { Parcels = parcels, Events = [.. ctx.State.Events, e] };
        OrderProgress.Recompute(ctx);
        if (!OrderProgress.IsOpen(ctx.State.Status))
        {
            return;
        }
        if (after.Status != before.Status && IntentFor(after.Status) is { } intent && !after.Notified.Contains(after.Status))
        {
            parcels = ctx.State.Parcels.ToList();
            parcels[i] = after with { Notified = [.. after.Notified, after.Status] };
            ctx.State = ctx.State with { Parcels = parcels };
            MessagePlanner.Plan(ctx, intent, ctx.Now, Facts(ctx, after, e, intent), after.Key);
        }
        DelayRules.CheckEstimate(ctx, parcels[i]);
    }

    private static ParcelState Advance(ParcelState p, TrackingEvent e)
    {
        var newest = p.StatusAt is null || e.OccurredAt >= p.StatusAt;
        var scan = IsScan(e.Status);
        return p with
        {
            Status = newest && e.Status != TrackingStatus.Unknown ? e.Status : p.Status,
            StatusAt = newest && e.Status != TrackingStatus.Unknown ? e.OccurredAt : p.StatusAt,
            FirstScanAt = scan && (p.FirstScanAt is null || e.OccurredAt < p.FirstScanAt) ? e.OccurredAt : p.FirstScanAt,
            LastScanAt = scan && (p.LastScanAt is null || e.OccurredAt > p.LastScanAt) ? e.OccurredAt : p.LastScanAt,
            CarrierEstimate = newest && e.CarrierEstimate is not null ? e.CarrierEstimate : p.CarrierEstimate,
            DeliveredAt = e.Status == TrackingStatus.Delivered && (p.DeliveredAt is null || e.OccurredAt < p.DeliveredAt) ? e.OccurredAt : p.DeliveredAt,
            LastLocation = newest && e.Location is not null ? e.Location : p.LastLocation,
            CarrierTrackingUrl = e.CarrierTrackingUrl ?? p.CarrierTrackingUrl,
        };
    }

    private static Dictionary<string, string> Facts(DecisionContext ctx, ParcelState parcel, TrackingEvent e, Intent intent)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["carrier"] = parcel.Carrier,
            ["trackingNumber"] = parcel.TrackingNumber,
        };
        if (parcel.LastLocation is { } location)
        {
            facts["location"] = location;
        }
        if (e.Description is { } description)
        {
            facts["description"] = description;
        }
        if (parcel.CarrierEstimate is { } estimate)
        {
            facts["carrierEstimate"] = MessagePlanner.Iso(estimate);
        }
        if (intent == Intent.Delivered)
        {
            facts["allDelivered"] = ctx.State.Status == OrderStatus.Delivered ? "true" : "false";
            // The delivered email suggests complements: the buyer now has what they bought.
            if (Recommendations.For(ctx.State.Order, ctx.Policy.Growth.Recommendations) is { Count: > 0 } products)
            {
                facts[Recommendations.Fact] = Recommendations.ToFact(products);
            }
        }
        return facts;
    }
}
