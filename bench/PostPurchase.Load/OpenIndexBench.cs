using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Load;

/// <summary>
/// <c>--open-index [finished[,finished...]] [open]</c>: the cost of one outbox sweep and one wake-up reconciliation with many finished orders and a
/// few open ones, through the open-orders index and through the whole-table queries the engine ran before it (the same filters).
/// Several history sizes (ascending) are measured in one run: the history grows to each in turn.
/// </summary>
internal static class OpenIndexBench
{
    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 1 ? args[1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000];
        var open = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        using var azurite = StartAzurite();
        var time = new FakeTimeProvider(Some.Monday);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton(sp => new StorageAccount(azurite.ConnectionString, sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton(new EngineOptions { Render = (m, s) => new RenderedMessage($"{m.Intent}", "<p>x</p>", "x") });
        services.AddSingleton<IChannelSender>(new CountingSender(Channel.Email));
        services.AddEmbeddedEngine();
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<StorageAccount>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await provider.GetRequiredService<OpenOrderIndexBuild>().EnsureBuiltAsync(CancellationToken.None);

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        // Open orders go through the engine first; the first one's committed state is the finished orders' template.
        var openWatch = Stopwatch.StartNew();
        var workflows = provider.GetRequiredService<IOrderWorkflows>();
        var templateOrder = OrderBuilder.Apparel().Build();
        await workflows.StartAsync(templateOrder, CancellationToken.None);
        var template = await provider.GetRequiredService<OrderStore>().LoadAsync(templateOrder.OrderId, CancellationToken.None)
            ?? throw new InvalidOperationException("The engine kept no state for the template order.");
        await Parallel.ForEachAsync(Enumerable.Range(1, open - 1), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
            await workflows.StartAsync(OrderBuilder.Apparel().Build(), ct));
        Console.WriteLine($"Started {open} open orders (placed, confirmation pending) through the engine in {openWatch.Elapsed.TotalSeconds:F0} s");
        var seeded = 0;
        foreach (var finished in sizes)
        {
            var history = new TableClient(azurite.ConnectionString, storage.Orders.Name, SeedOptions());
            await FinishedSeed.SeedAsync(history, template, time.GetUtcNow(), seeded, finished);
            seeded = finished;
            Console.WriteLine($"{finished} finished orders (state + 3 sent messages each), {open} open");
            await MeasureAsync(provider, time.GetUtcNow());
        }
    }

    // The Azurite process loads the insert lookup (see azurite-insert-lookup.cjs: without it seeding slows with the square of
    // the history) and gets room for a history of a few hundred thousand rows held in memory.
    private static AzuriteServer StartAzurite()
    {
        var lookup = Path.Combine(AppContext.BaseDirectory, "azurite-insert-lookup.cjs");
        var before = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", $"{before} --require \"{lookup}\" --max-old-space-size=8192".Trim());
        try
        {
            return new AzuriteServer();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", before);
        }
    }

    private static async Task MeasureAsync(IServiceProvider provider, DateTimeOffset now)
    {
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var storage = provider.GetRequiredService<StorageAccount>();
        var counter = provider.GetRequiredService<StorageRequestCounter>();
        var sweepFilter = TableClient.CreateQueryFilter(
            $"Kind eq 'msg' and (Status eq {MessageRow.Pending} or (Status eq {MessageRow.Retry} and NextAttemptAt le {now}) or (Status eq {MessageRow.Sending} and LeaseUntil lt {now}))");
        var stateFilter = TableClient.CreateQueryFilter($"RowKey eq {StateRow.RowKey} and Completed eq false");
        var wakeups = provider.GetRequiredService<WakeupIndex>();
        // A scheduler of its own per history size, so the first reconciliation is a process's first.
        var scheduler = ActivatorUtilities.CreateInstance<WakeupScheduler>(provider);
        var attention = provider.GetRequiredService<OutboxAttention>();

        Console.WriteLine("| pass | storage requests | rows read (Orders) | rows read (index tables) | ms | found |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var round = 0; round < 2; round++)
        {
            await Measure("sweep, whole table (before)", counter, async () => await CountAsync(storage.Orders.QueryAsync<TableEntity>(sweepFilter)));
            await Measure("sweep, open-orders index (after)", counter, async () => (await attention.NeedingAttentionAsync(now, upcoming: false, CancellationToken.None)).Count);
            await Measure("reconciliation, whole table (before)", counter, async () =>
            {
                await wakeups.AllAsync(CancellationToken.None);
                return await CountAsync(storage.Orders.QueryAsync<TableEntity>(stateFilter, select: ["OrderId", "NextWakeAt"]));
            });
            await Measure(round == 0 ? "reconciliation, index, first of a process (after)" : "reconciliation, index, hourly (after)", counter,
                () => scheduler.ReconcileAsync(CancellationToken.None));
        }
    }

    private static async Task Measure(string pass, StorageRequestCounter counter, Func<Task<int>> run)
    {
        var requests = counter.Total;
        var rows = counter.RowsRead();
        var watch = Stopwatch.StartNew();
        var found = await run();
        watch.Stop();
        var after = counter.RowsRead();
        long Read(Func<string, bool> table) => after.Where(p => table(p.Key)).Sum(p => p.Value) - rows.Where(p => table(p.Key)).Sum(p => p.Value);
        Console.WriteLine($"| {pass} | {counter.Total - requests} | {Read(t => t == "Orders")} | {Read(t => t != "Orders")} | {watch.ElapsedMilliseconds} | {found} |");
    }

    private static async Task<int> CountAsync(Azure.AsyncPageable<TableEntity> query)
    {
        var count = 0;
        await foreach (var _ in query)
        {
            count++;
        }

        return count;
    }

    // Seeding goes through a client of its own with patient timeouts: a loaded machine must not end the run before it measures.
    private static TableClientOptions SeedOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 10;
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        return options;
    }
}
