using System.Globalization;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Proactive delay alerts: at most one per cause per order, whatever happens later.</summary>
internal static class DelayRules
{
    /// <summary>The carrier's estimate moved past the promise by at least the margin.</summary>
    public static void CheckEstimate(DecisionContext ctx, ParcelState parcel)
    {
        var promise = ctx.State.Order.Promise.DeliverBy;
        if (!OrderProgress.IsOpen(ctx.State.Status) || parcel.DeliveredAt is not null || parcel.CarrierEstimate is not { } estimate
            || estimate < promise.AddHours(ctx.Policy.Delays.EstimateSlipMarginHours))
        {
            return;
        }
        Raise(ctx, Intent.DelayEstimateSlipped, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["newEstimate"] = MessagePlanner.Iso(estimate),
            ["promisedBy"] = MessagePlanner.Iso(promise),
        });
    }

    /// <summary>Raises every time-based alert whose moment has come.</summary>
    public static void CheckTime(DecisionContext ctx)
    {
        if (NotShippedAt(ctx) is { } notShipped && notShipped <= ctx.Now)
        {
            Raise(ctx, Intent.DelayNotShipped, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["promisedShipBy"] = MessagePlanner.Iso(ctx.State.Order.Promise.ShipBy),
            });
        }
        if (NoScan(ctx) is { } stalled && stalled.At <= ctx.Now)
        {
            var days = (int)Math.Floor((ctx.Now - stalled.Parcel.LastScanAt!.Value).TotalDays);
            Raise(ctx, Intent.DelayNoScan, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["lastScanAt"] = MessagePlanner.Iso(stalled.Parcel.LastScanAt.Value),
                ["days"] = days.ToString(CultureInfo.InvariantCulture),
                ["carrier"] = stalled.Parcel.Carrier,
                ["trackingNumber"] = stalled.Parcel.TrackingNumber,
            });
        }
        if (OverdueAt(ctx) is { } overdue && overdue <= ctx.Now)
        {
            Raise(ctx, Intent.DelayOverdue, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["promisedBy"] = MessagePlanner.Iso(ctx.State.Order.Promise.DeliverBy),
            });
        }
    }

    /// <summary>When the next time-based alert would be raised, if nothing happens before.</summary>
    public static IEnumerable<DateTimeOffset> Deadlines(DecisionContext ctx)
    {
        if (NotShippedAt(ctx) is { } notShipped)
        {
            yield return notShipped;
        }
        if (NoScan(ctx) is { } stalled)
        {
            yield return stalled.At;
        }
        if (OverdueAt(ctx) is { } overdue)
        {
            yield return overdue;
        }
    }

    private static DateTimeOffset? NotShippedAt(DecisionContext ctx)
    {
        var state = ctx.State;
        if (!Pending(ctx, Intent.DelayNotShipped) || state.Parcels.Any(p => p.FirstScanAt is not null || p.DeliveredAt is not null))
        {
            return null;
        }
        return state.Order.Promise.ShipBy.AddHours(ctx.Policy.Delays.NotShippedGraceHours);
    }

    private static (ParcelState Parcel, DateTimeOffset At)? NoScan(DecisionContext ctx)
    {
        if (!Pending(ctx, Intent.DelayNoScan))
        {
            return null;
        }
        var stalled = ctx.State.Parcels
            .Where(p => p.DeliveredAt is null && p.LastScanAt is not null && p.Status is TrackingStatus.InTransit or TrackingStatus.OutForDelivery)
            .OrderBy(p => p.LastScanAt)
            .FirstOrDefault();
        return stalled is null ? null : (stalled, stalled.LastScanAt!.Value.AddDays(ctx.Policy.Delays.NoScanDays));
    }

    private static DateTimeOffset? OverdueAt(DecisionContext ctx) =>
        Pending(ctx, Intent.DelayOverdue)
            ? ctx.State.Order.Promise.DeliverBy.AddHours(ctx.Policy.Delays.OverdueGraceHours)
            : null;

    private static bool Pending(DecisionContext ctx, Intent cause) =>
        OrderProgress.IsOpen(ctx.State.Status) && ctx.State.Status != OrderStatus.Delivered && !ctx.State.DelayAlerts.Contains(cause);

    private static void Raise(DecisionContext ctx, Intent cause, Dictionary<string, string> facts)
    {
        if (ctx.State.DelayAlerts.Contains(cause))
        {
            return;
        }
        var wire = WireName.Of(cause);
        facts["cause"] = wire;
        ctx.State = ctx.State with { DelayAlerts = [.. ctx.State.DelayAlerts, cause] };
        MessagePlanner.Plan(ctx, cause, ctx.Now, facts);
        ctx.Signal(SignalKind.DelayDetected, new Dictionary<string, string>(facts, StringComparer.Ordinal));
    }
}
