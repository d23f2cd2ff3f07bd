using Microsoft.Extensions.Logging.Abstractions;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Functions.Tests.Workflows;

public sealed class DurableTrackingIngressTests
{
    private readonly RecordingOrderIndexes _indexes = new();
    private readonly InMemoryReadModelStore _readModels = new();
    private readonly RecordingWorkflows _workflows = new();
    private readonly TrackingEvent _scan = new("aftership", "evt-7", "postnl", "3SABCD1234567", TrackingStatus.InTransit, "InTransit",
        new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcceptAsync_UnknownParcel_ParksTheEventAndRaisesNothing()
    {
        var outcome = Assert.Single(await Ingress().AcceptAsync([_scan], CancellationToken.None));

        Assert.Equal(IngressResult.Parked, outcome.Result);
        Assert.Equal(_scan, Assert.Single(_indexes.Parked));
        Assert.Empty(_workflows.Raised);
    }

    [Fact]
    public async Task AcceptAsync_ParcelRegisteredWhileTheEventIsParked_RaisesItAndLeavesNothingParked()
    {
        // The shop registers the parcel between the ingress's lookup and its park.
        _indexes.AfterPark = parked => _indexes.Parcels[parked.ParcelKey] = "PP-7";

        var outcome = Assert.Single(await Ingress().AcceptAsync([_scan], CancellationToken.None));

        Assert.Equal((IngressResult.Routed, "PP-7"), (outcome.Result, outcome.OrderId));
        Assert.Empty(_indexes.Parked);
        Assert.Equal(_scan, Assert.IsType<TrackingUpdated>(Assert.Single(_workflows.Raised).Input).Event);
    }

    [Fact]
    public async Task AcceptAsync_RegisteredParcel_RaisesTheEventToItsOrder()
    {
        _indexes.Parcels[_scan.ParcelKey] = "PP-7";

        var outcome = Assert.Single(await Ingress().AcceptAsync([_scan], CancellationToken.None));

        Assert.Equal((IngressResult.Routed, "PP-7"), (outcome.Result, outcome.OrderId));
        var (orderId, input) = Assert.Single(_workflows.Raised);
        Assert.Equal("PP-7", orderId);
        Assert.Equal(_scan, Assert.IsType<TrackingUpdated>(input).Event);
    }

    [Fact]
    public async Task AcceptAsync_EventTheTimelineAlreadyHas_IsADuplicate()
    {
        var order = OrderBuilder.Skincare().WithId("PP-7").Build();
        var state = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, new Infrastructure.Configuration.PostPurchaseOptions().Policy).State;
        await _readModels.SaveAsync(new OrderSnapshot(state with { Events = [_scan] }, []), CancellationToken.None);
        _indexes.Parcels[_scan.ParcelKey] = "PP-7";

        var outcome = Assert.Single(await Ingress().AcceptAsync([_scan], CancellationToken.None));

        Assert.Equal(IngressResult.Duplicate, outcome.Result);
        Assert.Empty(_workflows.Raised);
    }

    private DurableTrackingIngress Ingress() =>
        new(_indexes, _workflows, _readModels, NullLogger<DurableTrackingIngress>.Instance);

    private sealed class RecordingWorkflows : IOrderWorkflows
    {
        public List<(string OrderId, TimelineInput Input)> Raised { get; } = [];

        public Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken)
        {
            Raised.Add((orderId, input));
            return Task.FromResult(true);
        }

        public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
