using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Load;

/// <summary>
/// <c>--overload 50,80,95,120</c>: closed-loop shops and carriers (<see cref="OverloadClient"/>) offer orders at each percentage
/// of the measured storage ceiling, on the real clock, and the run prints per level the latency of accepted work (acceptance to
/// applied, and to the message handed to the provider stand-in), accepted and refused calls and the largest backlog.
/// </summary>
internal static class OverloadRun
{
    public static async Task RunAsync(LoadSettings settings)
    {
        using var azurite = new AzuriteServer();
        // A fresh emulator is slow for its first seconds (its runtime warms up): measure once to warm it, then for the figure.
        var ceiling = settings.Ceiling;
        if (ceiling <= 0)
        {
            await RawWriteCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(3));
            ceiling = await RawWriteCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(5));
        }

        var clock = TimeProvider.System;
        var senders = new[] { new CountingSender(Channel.Email), new CountingSender(Channel.Sms), new CountingSender(Channel.WhatsApp) };
        var options = new EngineOptions
        {
            Decide = OrderTimeline.Decide,
            Render = LoadEngine.Render(clock),
            // --no-admission: no bound at all, to show what admission control prevents.
            MaxBacklog = settings.NoAdmission ? int.MaxValue : settings.MaxBacklog,
            AdmissionTarget = settings.NoAdmission ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(settings.AdmissionTargetMs),
        };
        await using var provider = LoadEngine.Services(azurite.ConnectionString, clock, options, senders).BuildServiceProvider();
        var storage = provider.GetRequiredService<StorageAccount>();
        var counter = provider.GetRequiredService<StorageRequestCounter>();
        var backlog = provider.GetRequiredService<InputBacklog>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var engine = provider.GetRequiredService<EngineService>();
        await engine.StartAsync(CancellationToken.None);

        Percentiles applied = new();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == "postpurchase.inputs.latency")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => Volatile.Read(ref applied).Add(value));
        listener.Start();

        OverloadClient NewClient() => new(provider.GetRequiredService<IAdmission>(), provider.GetRequiredService<IOrderWorkflows>(),
            provider.GetRequiredService<ITrackingIngress>(), TimeSpan.FromMilliseconds(settings.EventGapMs));

        // Storage requests one order's traffic costs (intake, four webhooks, the messages they send), measured unhurried.
        var calibration = NewClient();
        var before = counter.Total;
        await DriveAsync(calibration, senders, clock, orders: 20, rate: 4, backlog, () => { });
        await WaitQuietAsync(counter);
        var perOrder = (counter.Total - before) / 20.0;
        Console.WriteLine($"Raw upsert ceiling {ceiling:F0} writes/s ({(settings.Ceiling > 0 ? "given" : "measured")}); one order's traffic costs {perOrder:F1} storage requests; " +
            (settings.NoAdmission ? "admission control off" : $"admission: target {settings.AdmissionTargetMs} ms, hard cap {settings.MaxBacklog}"));
        Console.WriteLine();
        Console.WriteLine("| offered load | orders/s offered | calls accepted | calls refused (503) | failed | acceptance to applied p50 / p99 | to hand-over p50 / p99 | backlog max | storage requests/s | load average before → after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var level in settings.OverloadLevels)
        {
            var rate = level / 100.0 * ceiling / perOrder;
            var orders = Math.Max(1, (int)(rate * settings.LevelSeconds));
            Volatile.Write(ref applied, new Percentiles());
            var client = NewClient();
            var load = LoadAverage();
            var maxBacklog = 0;
            var requests = counter.Total;
            var run = Stopwatch.StartNew();
            await DriveAsync(client, senders, clock, orders, rate, backlog, () => maxBacklog = Math.Max(maxBacklog, backlog.Count));
            var seconds = run.Elapsed.TotalSeconds;
            var spent = counter.Total - requests;
            await WaitQuietAsync(counter);
            var latency = Volatile.Read(ref applied);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {level} % | {rate:F1} | {client.Accepted} | {client.Refused} | {client.Failed} | {latency.At(50):F0} / {latency.At(99):F0} ms | " +
                $"{client.Handed.At(50):F0} / {client.Handed.At(99):F0} ms | {maxBacklog} | {spent / seconds:F0} ({spent / seconds / ceiling:P0} of the ceiling) | {load} → {LoadAverage()} |"));
        }

        await engine.StopAsync(CancellationToken.None);
    }

    private static async Task DriveAsync(OverloadClient client, CountingSender[] senders, TimeProvider clock, int orders, double rate, InputBacklog backlog, Action sample)
    {
        foreach (var sender in senders)
        {
            sender.Handed = client.OnHanded;
        }

        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sample();
                await Task.Delay(10, CancellationToken.None);
            }
        });
        // New orders arrive at the offered rate whatever the engine does (shops do not wait for each other); each order's
        // client then waits for every answer and honours every Retry-After.
        var started = Stopwatch.StartNew();
        var driving = new List<Task>(orders);
        for (var i = 0; i < orders; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - started.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            driving.Add(Task.Run(() => client.DriveAsync(clock, CancellationToken.None)));
        }

        await Task.WhenAll(driving);
        while (backlog.Count > 0 && started.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await sampling;
    }

    /// <summary>Waits until storage is all but idle for two seconds (the sends after the last input are done; idle polls go on).</summary>
    private static async Task WaitQuietAsync(StorageRequestCounter counter)
    {
        var waited = Stopwatch.StartNew();
        long last;
        do
        {
            last = counter.Total;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (counter.Total - last > 4 && waited.Elapsed < TimeSpan.FromMinutes(2));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
