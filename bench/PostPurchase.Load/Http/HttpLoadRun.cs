using System.Diagnostics;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Load.Http;

/// <summary>
/// The HTTP mode: drives the baseline work over HTTP against a runtime the driver starts (the self-hosted Host or the Function
/// App under the Functions host), with every storage request counted at a proxy in front of a fresh Azurite and every email
/// received by a local ACS stand-in, so both runtimes are measured the same way from outside.
/// </summary>
internal static class HttpLoadRun
{
    private const string ApiKey = "load-driver-api-key-0123456789";
    private const string WebhookSecret = "load-driver-generic-webhook-secret";

    public static async Task RunAsync(LoadSettings settings)
    {
        var clock = TimeProvider.System;
        var step = TimeSpan.FromSeconds(settings.TimerSeconds);
        var baseUrl = new Uri(settings.HttpUrl!);
        using var azurite = new AzuriteServer();
        Console.WriteLine($"Azurite on 127.0.0.1:{azurite.BlobPort}-{azurite.TablePort}, in memory");
        var ceiling = await RawWriteCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(5));
        await using var proxy = await CountingStorageProxy.StartAsync(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var ledger = new MessageLedger();
        await using var provider = await EmailProviderStub.StartAsync(ledger.Sent, clock);
        Console.WriteLine($"Counting proxy on 127.0.0.1:{proxy.BlobPort}/{proxy.QueuePort}/{proxy.TablePort}; ACS stand-in on 127.0.0.1:{provider.Port}");

        var log = settings.ServeLog ?? Path.Combine(Path.GetTempPath(), $"postpurchase-load-{Environment.ProcessId}.log");
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = proxy.ConnectionString,
            ["PostPurchase__Storage"] = proxy.ConnectionString,
            ["PostPurchase__ApiKey"] = ApiKey,
            ["PostPurchase__SigningKey"] = "load-driver-signing-key-0123456789",
            ["PostPurchase__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
            ["PostPurchase__Carriers__generic__Secret"] = WebhookSecret,
            ["PostPurchase__Email__Provider"] = "Acs",
            ["PostPurchase__Email__ConnectionString"] = provider.ConnectionString,
            ["PostPurchase__Email__Sender"] = "orders@shop.example",
            ["PostPurchase__Branding__ShopName"] = "Load shop",
            ["PostPurchase__Branding__SupportEmail"] = "support@shop.example",
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        await using var runtime = RuntimeProcess.Start(settings.Serve!, environment, log);
        Console.WriteLine($"Started: {settings.Serve} (output in {log})");
        var starting = Stopwatch.StartNew();
        await runtime.WaitHealthyAsync(http, TimeSpan.FromMinutes(3));
        var runId = $"r{clock.GetUtcNow():HHmmss}";
        var scenario = new HttpOrderScenario(http, ApiKey, WebhookSecret, ledger, clock, step, runId);
        await scenario.WarmUpAsync(() => provider.Accepted >= 1, CancellationToken.None);
        Console.WriteLine($"Healthy and warm after {starting.Elapsed.TotalSeconds:F0} s ({proxy.Total} storage requests so far)");
        await Task.Delay(TimeSpan.FromSeconds(5));

        var probe = await StorageProbe.StartAsync(azurite.ConnectionString);
        var requestsBefore = proxy.Total;
        var operationsBefore = proxy.ByOperation();
        Console.WriteLine($"Running {settings.Orders} orders at {settings.Rate:F1} a second over HTTP, timers and webhooks {settings.TimerSeconds} s apart...");
        var run = Stopwatch.StartNew();
        var driving = new List<Task>(settings.Orders);
        for (var i = 0; i < settings.Orders; i++)
        {
            var wait = TimeSpan.FromSeconds(i / settings.Rate) - run.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            driving.Add(scenario.DriveAsync(i, CancellationToken.None));
            if (i % 50 == 49)
            {
                Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s: {i + 1} orders placed, {provider.Accepted - 1} emails sent, {proxy.Total - requestsBefore} storage requests");
            }
        }
        await Task.WhenAll(driving);
        var accepted = run.Elapsed;
        var deadline = accepted + TimeSpan.FromMinutes(settings.DeadlineMinutes);
        while (ledger.Missing > 0 && run.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var sentAll = run.Elapsed;
        // What the runtimes do after the last send (read models, history) belongs to the work too.
        await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds));
        var elapsed = run.Elapsed;
        var requests = proxy.Total - requestsBefore;
        var operations = proxy.ByOperation().Select(p => (p.Key, Count: p.Value - operationsBefore.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).ToList();
        await probe.DisposeAsync();

        var idleBefore = proxy.Total;
        var idleStart = proxy.ByOperation();
        await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
        var idlePerMinute = (proxy.Total - idleBefore) / (settings.IdleSeconds / 60.0);
        var idleOperations = proxy.ByOperation().Select(p => (p.Key, Count: p.Value - idleStart.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).ToList();

        var perOrder = requests / (double)settings.Orders;
        var idleShare = idlePerMinute * elapsed.TotalMinutes / settings.Orders;
        Console.WriteLine();
        Console.WriteLine($"runtime                     {settings.Serve}");
        Console.WriteLine($"orders                      {settings.Orders}, {HttpOrderScenario.InputsPerOrder} inputs and 2 timers each, {settings.TimerSeconds} s apart; {scenario.Failures} calls failed");
        Console.WriteLine($"emails                      {provider.Accepted - 1} sent of {settings.Orders * 6} expected ({ledger.Missing} missing, {ledger.Unexpected} unexpected, {provider.Refused} refused for a bad signature)");
        foreach (var intent in new[] { Intent.OrderConfirmation }.Concat(MessageLedger.TimerMessages).Concat(MessageLedger.EventMessages))
        {
            Console.WriteLine($"  {WireNameOf(intent),-26}{ledger.SentOf(intent)}");
        }
        Console.WriteLine($"orders placed in            {accepted.TotalSeconds:F1} s; every email sent after {sentAll.TotalSeconds:F1} s; counted until {elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"intake call                 p50 {scenario.IntakeCalls.At(50):F0} ms, p99 {scenario.IntakeCalls.At(99):F0} ms");
        Console.WriteLine($"webhook call                p50 {scenario.WebhookCalls.At(50):F0} ms, p99 {scenario.WebhookCalls.At(99):F0} ms");
        Console.WriteLine($"intake to confirmation      p50 {ledger.Confirmation.At(50):F0} ms, p99 {ledger.Confirmation.At(99):F0} ms ({ledger.Confirmation.Count})");
        Console.WriteLine($"event accepted to its email p50 {ledger.EventLatency.At(50):F0} ms, p99 {ledger.EventLatency.At(99):F0} ms ({ledger.EventLatency.Count} events)");
        Console.WriteLine($"timer lateness (email)      p50 {ledger.TimerLateness.At(50):F0} ms, p99 {ledger.TimerLateness.At(99):F0} ms ({ledger.TimerLateness.Count} timers)");
        Console.WriteLine($"storage requests per order  {perOrder:F1} ({requests} in all; {requests / elapsed.TotalSeconds:F0} a second, {requests / elapsed.TotalSeconds / ceiling:P0} of the raw write ceiling)");
        Console.WriteLine($"  of which idle polling     about {idleShare:F1} ({idlePerMinute:F0} a minute over {elapsed.TotalMinutes:F1} min); {perOrder - idleShare:F1} per order without it");
        Console.WriteLine($"idle storage requests       {idlePerMinute:F1} a minute (measured over {settings.IdleSeconds} s)");
        Console.WriteLine($"Azurite single upsert       p50 {probe.Latency.At(50):F0} ms, p99 {probe.Latency.At(99):F0} ms, max {probe.Latency.At(100):F0} ms ({probe.Latency.Count} probes)");
        Console.WriteLine($"Azurite raw upsert ceiling  {ceiling:F0} writes/s (64 concurrent single-entity upserts)");
        Console.WriteLine("requests by operation during the run (per order):");
        foreach (var (operation, count) in operations.OrderByDescending(p => p.Count))
        {
            Console.WriteLine($"  {count / (double)settings.Orders,7:F2}  {operation}");
        }
        Console.WriteLine("requests by operation while idle:");
        foreach (var (operation, count) in idleOperations.OrderByDescending(p => p.Count))
        {
            Console.WriteLine($"  {count,7}  {operation}");
        }
    }

    private static string WireNameOf(Intent intent) => Core.Serialization.WireName.Of(intent);
}
