using BenchmarkDotNet.Attributes;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Benchmarks;

/// <summary>One decision on a typical order: a two-parcel order mid-way, getting a carrier scan or a wake-up.</summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private TimelineState _state = null!;
    private TrackingUpdated _scan = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var order = OrderBuilder.Skincare().WithItem("TEE-M-BLK", "Organic T-shirt", "apparel", 1, 19.5m)
            .WithShipment("postnl", "3SBENCH0001", "SERUM-30").WithShipment("dhl", "JVGL0002", "TEE-M-BLK").Build();
        var driver = TimelineDriver.Place(order);
        driver.Scan(order.PlacedAt.AddHours(20), TrackingStatus.InTransit, "3SBENCH0001");
        driver.Scan(order.PlacedAt.AddHours(22), TrackingStatus.InTransit, "JVGL0002");
        driver.Scan(order.PlacedAt.AddHours(40), TrackingStatus.OutForDelivery, "3SBENCH0001");
        _state = driver.State;
        _now = order.PlacedAt.AddHours(50);
        _scan = new TrackingUpdated(new TrackingEvent("aftership", "evt_bench", "postnl", "3SBENCH0001",
            TrackingStatus.Delivered, "Delivered", _now.AddMinutes(-5), "Delivered at the front door", "Amsterdam"));
    }

    [Benchmark(Baseline = true)]
    public Decision TrackingUpdate() => OrderTimeline.Decide(_state, _scan, _now, TimelinePolicy.Default);

    [Benchmark]
    public Decision WakeUp() => OrderTimeline.Decide(_state, new WakeUp(), _now, TimelinePolicy.Default);
}
