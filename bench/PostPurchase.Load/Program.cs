using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Load;
using PostPurchase.Load.Http;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

// Drives N orders through the real timeline (OrderTimeline.Decide, the real message composer) against the embedded engine
// on a fresh Azurite, on a business clock running --speed times faster than real time, and prints throughput, latency,
// lateness (in real milliseconds), storage requests and memory. --stand-in uses the small stand-in decider on the real clock.
// --http URL --serve COMMAND drives the baseline work over HTTP against a runtime it starts instead (PostPurchase.Load.Http).
if (args is ["--open-index", ..])
{
    await OpenIndexBench.RunAsync(args);
    return;
}

var settings = LoadSettings.Parse(args);
if (settings.OverloadLevels.Count > 0)
{
    await OverloadRun.RunAsync(settings);
    return;
}

if (settings.HttpUrl is not null)
{
    await HttpLoadRun.RunAsync(settings);
    return;
}

using var azurite = new AzuriteServer();
Console.WriteLine($"Azurite on 127.0.0.1:{azurite.TablePort} (tables) / {azurite.QueuePort} (queues), in memory");
var ceiling = await RawWriteCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(5));

TimeProvider clock = settings.StandIn ? TimeProvider.System : new AcceleratedTime(Some.Monday, settings.Speed);
var factor = settings.Speed;
TimeSpan Scaled(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * factor));
var senders = new[] { new CountingSender(Channel.Email), new CountingSender(Channel.Sms), new CountingSender(Channel.WhatsApp) };
int Sent(Intent intent) => senders.Sum(s => s.Count(intent));

var services = LoadEngine.Services(azurite.ConnectionString, clock, new EngineOptions
{
    Decide = settings.StandIn ? new LoadTimeline(TimeSpan.FromSeconds(settings.TimerSeconds)).Decide : OrderTimeline.Decide,
    Render = LoadEngine.Render(clock),
    // Windows meant as real time (index look-ahead, send lease) are judged by the business clock: scale them with it.
    WakeLookahead = Scaled(TimeSpan.FromSeconds(90)),
    SendingLease = Scaled(TimeSpan.FromMinutes(2)),
}, senders);
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
// Both are measured on the business clock: divided by the factor they are real milliseconds.
listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
    (instrument.Name == "postpurchase.inputs.latency" ? latency : lateness).Add(value / factor));
listener.Start();

var storage = provider.GetRequiredService<StorageAccount>();
var counter = provider.GetRequiredService<StorageRequestCounter>();
await storage.EnsureCreatedAsync(CancellationToken.None);
if (settings.Pending > 0)
{
    var seeding = Stopwatch.StartNew();
    await PendingSeed.SeedAsync(storage, clock.GetUtcNow(), settings.Pending);
    Console.WriteLine($"Seeded {settings.Pending} far-future wake-ups in {seeding.Elapsed.TotalSeconds:F1} s");
}

var engine = provider.GetRequiredService<EngineService>();
await engine.StartAsync(CancellationToken.None);

var probe = await StorageProbe.StartAsync(azurite.ConnectionString);
var pausedBefore = GC.GetTotalPauseDuration();
var scenario = new LoadScenario(
    provider.GetRequiredService<IOrderWorkflows>(), provider.GetRequiredService<ITrackingIngress>(), clock,
    TimeSpan.FromTicks((long)(TimeSpan.FromHours(settings.EventGapHours).Ticks / factor)));
using var stopAnswering = new CancellationTokenSource();
var answering = scenario.AnswerSurveysAsync(senders, stopAnswering.Token);

Console.WriteLine(settings.StandIn
    ? $"Running {settings.Orders} orders ({(settings.Rate > 0 ? $"{settings.Rate:F1} new orders a second" : $"{settings.Concurrency} concurrent")}) on the stand-in decider, timers {settings.TimerSeconds} s apart, real clock..."
    : $"Running {settings.Orders} orders ({(settings.Rate > 0 ? $"{settings.Rate:F1} new orders a second" : $"{settings.Concurrency} concurrent")}) on OrderTimeline.Decide, clock x{factor:F0} " +
      $"(1 real s = {factor / 3600:F1} simulated h), webhooks {settings.EventGapHours} simulated h apart...");
var requestsBefore = counter.Total;
var run = Stopwatch.StartNew();
var driven = 0;
var failed = 0;
using var stopReporting = new CancellationTokenSource();
var reporting = Task.Run(async () =>
{
    while (!stopReporting.IsCancellationRequested)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), stopReporting.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s (day {(clock.GetUtcNow() - Some.Monday).TotalDays:F1}): {Volatile.Read(ref driven)} orders driven, " +
            $"{Sent(Intent.OrderConfirmation)} confirmed, {Sent(Intent.Delivered)} delivered, {Sent(Intent.CsatSurvey)} surveyed, " +
            $"{scenario.Answered} answered, {Sent(Intent.ReviewRequest)} asked for a review; {counter.Total - requestsBefore} storage requests");
    }
});
using var gate = new SemaphoreSlim(settings.Rate > 0 ? settings.Orders : settings.Concurrency);
async Task DriveOneAsync()
{
    await gate.WaitAsync();
    try
    {
        await scenario.DriveAsync(CancellationToken.None);
        Interlocked.Increment(ref driven);
    }
    catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or TaskCanceledException)
    {
        // A shop whose request timed out against a saturated storage emulator: counted and reported, not retried.
        Interlocked.Increment(ref failed);
        Console.WriteLine($"  an order's traffic failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
    }
    finally
    {
        gate.Release();
    }
}

if (settings.Rate > 0)
{
    // Open loop: a new order every 1/rate seconds whatever the engine is doing, as shops send them; latency at a stated load.
    var driving = new List<Task>(settings.Orders);
    for (var i = 0; i < settings.Orders; i++)
    {
        var wait = TimeSpan.FromSeconds(i / settings.Rate) - run.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        driving.Add(DriveOneAsync());
    }

    await Task.WhenAll(driving);
}
else
{
    // Closed loop: --concurrency shops, each sending its next order as soon as the last one's traffic is done (saturation).
    await Task.WhenAll(Enumerable.Range(0, settings.Orders).Select(_ => DriveOneAsync()));
}

var accepted = run.Elapsed;
while (Sent(Intent.ReviewRequest) < settings.Orders - Volatile.Read(ref failed) && run.Elapsed < TimeSpan.FromMinutes(30))
{
    await Task.Delay(100);
}

var completed = run.Elapsed;

// Timelines go on after the review request (a reminder, the closing wake-up): wait until none is left unfinished, so requests
// per order cover whole timelines and the idle minute below has nothing to do.
var timelines = new UnfinishedTimelines(azurite.ConnectionString, storage.Orders.Name);
var unfinished = await timelines.CountAsync();
while (unfinished > 0 && run.Elapsed < TimeSpan.FromMinutes(30))
{
    await Task.Delay(TimeSpan.FromSeconds(2));
    unfinished = await timelines.CountAsync();
}

var finished = run.Elapsed;
await probe.DisposeAsync();
var paused = GC.GetTotalPauseDuration() - pausedBefore;
await stopReporting.CancelAsync();
await reporting;
var requestsPerOrder = (counter.Total - requestsBefore) / (double)settings.Orders;
var operations = counter.ByOperation();
await Task.Delay(TimeSpan.FromSeconds(5));
var idleBefore = counter.Total;
var idleStart = counter.ByOperation();
await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
var idlePerMinute = (counter.Total - idleBefore) / (settings.IdleSeconds / 60.0);
var idleOperations = counter.ByOperation().Select(p => (p.Key, Count: p.Value - idleStart.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).ToList();
await stopAnswering.CancelAsync();
await answering;
await engine.StopAsync(CancellationToken.None);

var inputs = settings.Orders * LoadScenario.InputsPerOrder;
Console.WriteLine();
Console.WriteLine($"decider                     {(settings.StandIn ? "stand-in (LoadTimeline)" : $"OrderTimeline.Decide, clock factor {factor:F0} (figures below in real time)")}");
Console.WriteLine($"orders                      {settings.Orders} ({failed} failed to drive, {Sent(Intent.ReviewRequest)} asked for a review, {scenario.Answered} surveys answered, {senders.Sum(s => s.Total)} messages sent)");
Console.WriteLine($"intake + webhooks accepted  {accepted.TotalSeconds:F1} s: {settings.Orders / accepted.TotalSeconds:F1} orders/s, {inputs / accepted.TotalSeconds:F0} events/s " +
    $"({LoadScenario.InputsPerOrder} per order incl. the duplicate; plus 1 CSAT answer each later)");
Console.WriteLine($"all reviews requested in    {completed.TotalSeconds:F1} s real = {Scaled(completed).TotalDays:F1} simulated days");
Console.WriteLine($"all timelines finished in   {finished.TotalSeconds:F1} s real ({unfinished} unfinished)");
Console.WriteLine($"intake call                 p50 {scenario.IntakeCalls.At(50):F0} ms, p99 {scenario.IntakeCalls.At(99):F0} ms (confirmation committed before it returns)");
Console.WriteLine($"webhook accept call         p50 {scenario.WebhookCalls.At(50):F0} ms, p99 {scenario.WebhookCalls.At(99):F0} ms (queued, not yet applied)");
Console.WriteLine($"accepted-to-applied         p50 {latency.At(50):F0} ms, p99 {latency.At(99):F0} ms ({latency.Count} inputs)");
Console.WriteLine($"wake-up lateness            p50 {lateness.At(50):F0} ms, p99 {lateness.At(99):F0} ms ({lateness.Count} wake-ups" +
    (settings.Pending > 0 ? $", {settings.Pending} far-future wake-ups pending)" : ")"));
Console.WriteLine($"storage requests per order  {requestsPerOrder:F1}; {requestsPerOrder * settings.Orders / finished.TotalSeconds:F0} requests/s over the run, " +
    $"{requestsPerOrder * settings.Orders / finished.TotalSeconds / ceiling:P0} of the raw write ceiling");
Console.WriteLine($"idle storage requests       {idlePerMinute:F1} a minute (measured over {settings.IdleSeconds} s)");
Console.WriteLine($"Azurite single upsert        p50 {probe.Latency.At(50):F0} ms, p99 {probe.Latency.At(99):F0} ms, max {probe.Latency.At(100):F0} ms (one every 100 ms during the run, {probe.Latency.Count} in all)");
Console.WriteLine($"engine GC pauses            {paused.TotalMilliseconds:F0} ms in all during the run ({GC.CollectionCount(2)} full collections)");
Console.WriteLine($"peak working set            {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (engine process)");
Console.WriteLine($"Azurite raw upsert ceiling  {ceiling:F0} writes/s (64 concurrent single-entity upserts)");
Console.WriteLine("requests by operation during the run:");
foreach (var (operation, count) in operations.OrderByDescending(p => p.Value))
{
    Console.WriteLine($"  {count / (double)settings.Orders,6:F2}/order  {operation}");
}

Console.WriteLine("requests by operation while idle (after the run):");
foreach (var (operation, count) in idleOperations.OrderByDescending(p => p.Count))
{
    Console.WriteLine($"  {count,6}  {operation}");
}
