using System.Globalization;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The dashboard's figures, computed from order snapshots (UTC days).</summary>
public sealed record DashboardMetrics(
    IReadOnlyList<string> Days,
    IReadOnlyDictionary<string, int[]> MessagesByIntent,
    IReadOnlyDictionary<string, int[]> MessagesByChannel,
    IReadOnlyDictionary<string, int[]> MessagesByStatus,
    IReadOnlyList<(string Label, double Value)> DelaysByCause,
    IReadOnlyList<(string Label, double Value)> OnTimeRateByCarrier,
    IReadOnlyList<(string Label, double Value)> TransitDaysByCarrier,
    double? EddHitRate,
    IReadOnlyList<(string Label, double Value)> CsatDistribution,
    int ReviewRequestsSent,
    IReadOnlyList<(string Label, double Value)> SuppressedByReason,
    IReadOnlyList<(string OrderId, TimelineMessage Message)> FailedSends)
{
    /// <summary>Computes every figure over the <paramref name="days"/> UTC days up to <paramref name="now"/>.</summary>
    public static DashboardMetrics Compute(IReadOnlyList<OrderSnapshot> orders, DateTimeOffset now, int days = 14)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var first = now.UtcDateTime.Date.AddDays(1 - days);
        var dayLabels = Enumerable.Range(0, days).Select(i => first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var messages = orders.SelectMany(o => o.Messages.Select(m => (o.State.Order.OrderId, m.Message))).ToList();

        Dictionary<string, int[]> PerDay(Func<TimelineMessage, string> key)
        {
            var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var (_, m) in messages)
            {
                var day = (int)((m.SentAt ?? m.DecidedAt).UtcDateTime.Date - first).TotalDays;
                if (day < 0 || day >= days)
                {
                    continue;
                }
                var k = key(m);
                if (!result.TryGetValue(k, out var counts))
                {
                    result[k] = counts = new int[days];
                }
                counts[day]++;
            }
            return result;
        }

        var parcels = orders.SelectMany(o => o.State.Parcels.Select(p => (Order: o.State.Order, Parcel: p))).ToList();
        var delivered = parcels.Where(x => x.Parcel.DeliveredAt is not null).ToList();
        var onTime = delivered.GroupBy(x => x.Parcel.Carrier, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, 100.0 * g.Count(x => x.Parcel.DeliveredAt!.Value <= x.Order.Promise.DeliverBy) / g.Count()))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        var transit = delivered.Where(x => x.Parcel.FirstScanAt is not null).GroupBy(x => x.Parcel.Carrier, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, Math.Round(g.Average(x => (x.Parcel.DeliveredAt!.Value - x.Parcel.FirstScanAt!.Value).TotalDays), 1)))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        var deliveredOrders = orders.Where(o => o.State.DeliveredAt is not null).ToList();
        double? eddHit = deliveredOrders.Count == 0 ? null
            : 100.0 * deliveredOrders.Count(o => o.State.DeliveredAt!.Value.UtcDateTime.Date <= o.State.Order.Promise.DeliverBy.UtcDateTime.Date) / deliveredOrders.Count;

        return new DashboardMetrics(
            dayLabels,
            PerDay(m => WireName.Of(m.Intent)),
            PerDay(m => WireName.Of(m.Channel)),
            PerDay(m => WireName.Of(m.Status)),
            Count(orders.SelectMany(o => o.State.DelayAlerts).Select(i => WireName.Of(i))),
            onTime,
            transit,
            eddHit,
            Enumerable.Range(1, 5).Select(s => (s.ToString(CultureInfo.InvariantCulture), (double)orders.Count(o => o.State.CsatScore == s))).ToList(),
            messages.Count(x => x.Message.Intent == Intent.ReviewRequest && x.Message.Status is MessageStatus.Sent or MessageStatus.Delivered),
            Count(messages.Where(x => x.Message.Status == MessageStatus.Suppressed && x.Message.Reason is not null).Select(x => WireName.Of(x.Message.Reason!.Value))),
            messages.Where(x => x.Message.Status == MessageStatus.Failed).OrderByDescending(x => x.Message.DecidedAt).ToList());
    }

    private static List<(string, double)> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => (g.Key, (double)g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
}
