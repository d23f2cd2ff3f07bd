using BenchmarkDotNet.Attributes;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Benchmarks;

/// <summary>One decision on a typical order: a two-parcel order mid-way, getting a carrier scan or a wake-up.</summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private static readonly TimelinePolicy Growth = TimelinePolicy.Default with
    {
        Growth = new GrowthPolicy
        {
            Replenishment = new ReplenishmentPolicy { SkuDays = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = 60 } },
            WinBack = new WinBackPolicy { CategoryDays = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = 90 } },
            Recommendations = new RecommendationPolicy
            {
                BySku = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = [new() { Sku = "MASK-50", Name = "Night mask", Url = "https://shop.example/p/mask" }] },
            },
            Experiments = [new Experiment { Id = "bench", Intent = Intent.ReplenishmentReminder, Arms = [new() { Name = "a" }, new() { Name = "b" }] }],
        },
    };

    private TimelineState _state = null!;
    private TimelineState _growthState = null!;
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
        var buyer = new BuyerFacts("bench-buyer", 2, order.PlacedAt.AddDays(-90), order.PlacedAt.AddDays(-30), ["skincare"], "FRIEND-BENCH001");
        var growth = TimelineDriver.Place(order with { Customer = order.Customer with { Consent = new ConsentGrant(true, false, Marketing: true) } }, Growth, buyer);
        growth.Scan(order.PlacedAt.AddHours(20), TrackingStatus.InTransit, "3SBENCH0001");
        growth.Scan(order.PlacedAt.AddHours(22), TrackingStatus.InTransit, "JVGL0002");
        growth.Scan(order.PlacedAt.AddHours(40), TrackingStatus.OutForDelivery, "3SBENCH0001");
        _growthState = growth.State;
        _scan = new TrackingUpdated(new TrackingEvent("aftership", "evt_bench", "postnl", "3SBENCH0001",
            TrackingStatus.Delivered, "Delivered", _now.AddMinutes(-5), "Delivered at the front door", "Amsterdam"));
    }

    [Benchmark(Baseline = true)]
    public Decision TrackingUpdate() => OrderTimeline.Decide(_state, _scan, _now, TimelinePolicy.Default);

    [Benchmark]
    public Decision WakeUp() => OrderTimeline.Decide(_state, new WakeUp(), _now, TimelinePolicy.Default);

    /// <summary>The same scan for a returning buyer with replenishment, win-back, recommendations and an A/B test configured.</summary>
    [Benchmark]
    public Decision TrackingUpdateWithGrowth() => OrderTimeline.Decide(_growthState, _scan, _now, Growth);
}
