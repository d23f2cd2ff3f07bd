using PostPurchase.Core.Timeline;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Pages.Dashboard;

public sealed class DashboardMetricsTests
{
    private static readonly DateTimeOffset Now = Some.Monday.AddDays(5);

    [Fact]
    public void Compute_DeliveredOnTimeAndLate_RatesPerCarrierAndEddHit()
    {
        var onTime = States.Delivered(Some.Monday.AddDays(3));
        var late = States.Delivered(Some.Monday.AddDays(6));

        var metrics = DashboardMetrics.Compute([Snapshot(onTime), Snapshot(late)], Now);

        Assert.Equal([("postnl", 50.0)], metrics.OnTimeRateByCarrier);
        Assert.Equal(50.0, metrics.EddHitRate);
        Assert.Equal("postnl", Assert.Single(metrics.TransitDaysByCarrier).Label);
    }

    [Fact]
    public void Compute_Messages_CountedPerDayByIntentChannelStatusAndSuppression()
    {
        var state = States.Confirmed();
        var messages = new[]
        {
            Message(state, Intent.OrderConfirmation, Channel.Email, MessageStatus.Sent, Some.Monday),
            Message(state, Intent.Shipped, Channel.Sms, MessageStatus.Suppressed, Some.Monday.AddDays(1), SuppressionReason.NoConsent),
            Message(state, Intent.ReviewRequest, Channel.Email, MessageStatus.Failed, Some.Monday.AddDays(2)) with { Error = "bounced" },
        };

        var metrics = DashboardMetrics.Compute([new OrderSnapshot(state with { CsatScore = 2 }, messages.Select(m => new MessageRecord(m, null, null)).ToList())], Now, days: 7);

        Assert.Equal(7, metrics.Days.Count);
        Assert.Equal(3, metrics.MessagesByChannel.Values.Sum(v => v.Sum()));
        Assert.Equal(1, metrics.MessagesByIntent["order-confirmation"].Sum());
        Assert.Equal([("no-consent", 1.0)], metrics.SuppressedByReason);
        Assert.Equal("bounced", Assert.Single(metrics.FailedSends).Message.Error);
        Assert.Equal(1, metrics.CsatDistribution.Single(c => c.Label == "2").Value);
        Assert.Equal(0, metrics.ReviewRequestsSent);
    }

    [Fact]
    public void Compute_NoOrders_EmptyFiguresNoHitRate()
    {
        var metrics = DashboardMetrics.Compute([], Now);

        Assert.Null(metrics.EddHitRate);
        Assert.Empty(metrics.FailedSends);
    }

    [Fact]
    public void MetricsPage_WithData_RendersEveryChart()
    {
        var metrics = DashboardMetrics.Compute([Snapshot(States.Delivered())], Now);

        var html = MetricsPage.Render(new DashboardChrome(new(), null, null), metrics, []);

        foreach (var id in new[] { "by-intent", "by-channel", "by-status", "delays", "on-time", "transit", "csat", "suppressed" })
        {
            Assert.Contains($"data-testid=\"chart-{id}\"", html, StringComparison.Ordinal);
        }
    }

    internal static OrderSnapshot Snapshot(TimelineState state) => new(state, []);

    private static TimelineMessage Message(TimelineState state, Intent intent, Channel channel, MessageStatus status, DateTimeOffset at, SuppressionReason? reason = null) =>
        new(MessageKey.For(state.Order.OrderId, intent, channel), intent, channel, "x", "en", MessagePurpose.Transactional, false, status, at, at, reason);
}
