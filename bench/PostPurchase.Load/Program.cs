using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Load;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

// Drives N orders through a full timeline (intake, 5 carrier events, 1 customer event, 2 timers) against the embedded
// engine on a fresh Azurite and prints throughput, latency, lateness, storage requests and memory.
var orders = Option("--orders", 2_000);
var timer = TimeSpan.FromSeconds(Option("--timer-seconds", 3));
var idle = TimeSpan.FromSeconds(Option("--idle-seconds", 60));
var shops = Option("--concurrency", 64);

using var azurite = new AzuriteServer();
Console.WriteLine($"Azurite on 127.0.0.1:{azurite.TablePort} (tables) / {azurite.QueuePort} (queues), in memory");
var ceiling = await RawWriteCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(5));

var email = new CountingSender(Channel.Email);
var services = new ServiceCollection();
services.AddLogging();
services.AddMetrics();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<StorageRequestCounter>();
services.AddSingleton(sp => new StorageAccount(azurite.ConnectionString, sp.GetRequiredService<StorageRequestCounter>()));
services.AddSingleton(new EngineOptions
{
    Decide = new LoadTimeline(timer).Decide,
    Render = (m, s) => new RenderedMessage($"{m.Intent} {s.Order.OrderId}", $"<p>{m.Intent} for order {s.Order.OrderId}</p>", $"{m.Intent} for order {s.Order.OrderId}"),
});
services.AddSingleton<IChannelSender>(email);
services.AddEmbeddedEngine();
services.AddSingleton<EngineService>();
await using var provider = services.BuildServiceProvider();

var latency = new Percentiles();
var lateness = new Percentiles();
using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name is "postpurchase.inputs.latency" or "postpurchase.wakeup.lateness")
    {
        l.EnableMeasurementEvents(instrument);
    }
};
listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
    (instrument.Name == "postpurchase.inputs.latency" ? latency : lateness).Add(value));
listener.Start();

var storage = provider.GetRequiredService<StorageAccount>();
var counter = provider.GetRequiredService<StorageRequestCounter>();
var workflows = provider.GetRequiredService<IOrderWorkflows>();
var ingress = provider.GetRequiredService<ITrackingIngress>();
await storage.EnsureCreatedAsync(CancellationToken.None);
var engine = provider.GetRequiredService<EngineService>();
await engine.StartAsync(CancellationToken.None);

Console.WriteLine($"Running {orders} orders ({shops} concurrent), timers {timer.TotalSeconds:F0} s apart...");
var requestsBefore = counter.Total;
var run = Stopwatch.StartNew();
using var gate = new SemaphoreSlim(shops);
await Task.WhenAll(Enumerable.Range(0, orders).Select(async _ =>
{
    await gate.WaitAsync();
    try
    {
        await DriveOrderAsync();
    }
    finally
    {
        gate.Release();
    }
}));
var accepted = run.Elapsed;
var lastReport = run.Elapsed;
while (email.Count(Intent.ReviewRequest) < orders && run.Elapsed < TimeSpan.FromMinutes(30))
{
    await Task.Delay(100);
    if (run.Elapsed - lastReport > TimeSpan.FromSeconds(5))
    {
        lastReport = run.Elapsed;
        Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s: {email.Count(Intent.OrderConfirmation)} confirmed, {email.Count(Intent.Delivered)} delivered, " +
            $"{email.Count(Intent.CsatSurvey)} surveyed, {email.Count(Intent.ReviewRequest)} reviewed; {counter.Total - requestsBefore} storage requests");
    }
}

var completed = run.Elapsed;
var requestsPerOrder = (counter.Total - requestsBefore) / (double)orders;
var operations = counter.ByOperation();
await Task.Delay(TimeSpan.FromSeconds(5));
var idleBefore = counter.Total;
await Task.Delay(idle);
var idlePerMinute = (counter.Total - idleBefore) / idle.TotalMinutes;
await engine.StopAsync(CancellationToken.None);

Console.WriteLine();
Console.WriteLine($"orders                      {orders} ({email.Count(Intent.ReviewRequest)} completed, {email.Total} messages sent)");
Console.WriteLine($"intake + events accepted in {accepted.TotalSeconds:F1} s: {orders / accepted.TotalSeconds:F0} orders/s, {orders * 6 / accepted.TotalSeconds:F0} events/s");
Console.WriteLine($"all timelines completed in  {completed.TotalSeconds:F1} s (includes 2 timers of {timer.TotalSeconds:F0} s)");
Console.WriteLine($"accepted-to-applied         p50 {latency.At(50):F0} ms, p99 {latency.At(99):F0} ms ({latency.Count} inputs)");
Console.WriteLine($"wake-up lateness            p50 {lateness.At(50):F0} ms, p99 {lateness.At(99):F0} ms ({lateness.Count} wake-ups)");
Console.WriteLine($"storage requests per order  {requestsPerOrder:F1}");
Console.WriteLine($"idle storage requests       {idlePerMinute:F1} a minute (measured over {idle.TotalSeconds:F0} s)");
Console.WriteLine($"peak working set            {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (engine process)");
Console.WriteLine($"Azurite raw upsert ceiling  {ceiling:F0} writes/s (64 concurrent single-entity upserts)");
Console.WriteLine("requests by operation during the run:");
foreach (var (operation, count) in operations.OrderByDescending(p => p.Value))
{
    Console.WriteLine($"  {count / (double)orders,6:F2}/order  {operation}");
}

async Task DriveOrderAsync()
{
    var tracking = Some.TrackingNumber();
    var order = OrderBuilder.Apparel().PlacedAt(TimeProvider.System.GetUtcNow()).WithShipment("postnl", tracking).Build();
    await workflows.StartAsync(order, CancellationToken.None);
    foreach (var status in new[] { TrackingStatus.InfoReceived, TrackingStatus.InTransit, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingStatus.Delivered })
    {
        var scan = new TrackingEvent("aftership", Some.EventId(), "postnl", tracking, status, status.ToString(), TimeProvider.System.GetUtcNow());
        await ingress.AcceptAsync([scan], CancellationToken.None);
    }

    await workflows.RaiseAsync(order.OrderId, new CsatAnswered(5), CancellationToken.None);
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    if (index < 0)
    {
        return fallback;
    }

    if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
    {
        throw new ArgumentException($"{name} needs a positive whole number, e.g. {name} {fallback}.");
    }

    return value;
}
