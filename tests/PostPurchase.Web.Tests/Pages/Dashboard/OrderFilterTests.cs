using PostPurchase.Core.Timeline;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Pages.Dashboard;

public sealed class OrderFilterTests
{
    private static readonly TimelineState Confirmed = States.Confirmed();
    private static readonly TimelineState Shipped = States.Shipped() with { DelayAlerts = [Intent.DelayNoScan] };

    [Theory]
    [InlineData("confirmed", null, null, 1)]
    [InlineData(null, "delay-no-scan", null, 1)]
    [InlineData(null, null, "POSTNL", 1)]
    [InlineData(null, null, "dhl", 0)]
    [InlineData(null, null, null, 2)]
    public void Apply_StatusCauseCarrier_Filters(string? status, string? cause, string? carrier, int expected)
    {
        var orders = new[] { DashboardMetricsTests.Snapshot(Confirmed), DashboardMetricsTests.Snapshot(Shipped) };

        Assert.Equal(expected, new OrderFilter(status, cause, carrier).Apply(orders).Count);
    }

    [Fact]
    public void Apply_SearchByEmailOrNumberAndDates_Filters()
    {
        var orders = new[] { DashboardMetricsTests.Snapshot(Confirmed) };
        var placed = DateOnly.FromDateTime(Some.Monday.UtcDateTime);

        Assert.Single(new OrderFilter(Query: "ANNA@example").Apply(orders));
        Assert.Single(new OrderFilter(Query: Confirmed.Order.OrderId[..6]).Apply(orders));
        Assert.Empty(new OrderFilter(Query: "nobody").Apply(orders));
        Assert.Single(new OrderFilter(From: placed, To: placed).Apply(orders));
        Assert.Empty(new OrderFilter(From: placed.AddDays(1)).Apply(orders));
    }
}
