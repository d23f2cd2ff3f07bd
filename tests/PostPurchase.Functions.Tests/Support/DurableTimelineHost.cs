using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Timeline;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>
/// The app's orchestration and activities on a real Durable Task backend: the in-process Durable Task sidecar (gRPC on
/// loopback, in memory) with the worker and client the Functions extension uses, the shared storage services on
/// Azurite, and recording fakes only for the outside world (channel provider, merchant webhooks).
/// </summary>
/// <remarks>Durable timers and the orchestration's clock are the backend's real clock, so tests schedule wake-ups seconds ahead.</remarks>
internal sealed class DurableTimelineHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DurableTaskTestHost _host;

    private DurableTimelineHost(DurableTaskTestHost host, DurableOrderWorkflows workflows, DurableTrackingIngress ingress,
        OrderStore readModels, RecordingSender email, RecordingSender sms, IReadOnlyList<string> functions)
    {
        Sms = sms;
        _host = host;
        Workflows = workflows;
        Ingress = ingress;
        ReadModels = readModels;
        Email = email;
        Functions = functions;
    }

    /// <summary>The clock of the backend, the decider's <c>now</c> and the activities'.</summary>
    public static TimeProvider Time => TimeProvider.System;

    public DurableTaskClient Client => _host.Client;

    /// <summary>The app's workflow port over <see cref="Client"/>, as the HTTP functions use it.</summary>
    public DurableOrderWorkflows Workflows { get; }

    /// <summary>The app's carrier-event routing over <see cref="Workflows"/>.</summary>
    public DurableTrackingIngress Ingress { get; }

    /// <summary>The read models, in Azurite.</summary>
    public OrderStore ReadModels { get; }

    public RecordingSender Email { get; }

    public RecordingSender Sms { get; }

    /// <summary>The merchant studio's settings, in Azurite; a version saved by any process is seen at the next read.</summary>
    public IStudioSettings Studio { get; private init; } = null!;

    /// <summary>The prefix of this app's tables in Azurite, for another process (a Host) to share them.</summary>
    public string StoragePrefix { get; private init; } = "";

    /// <summary>The buyer profiles, when the host keeps them.</summary>
    public IBuyerProfiles? Buyers { get; private init; }

    /// <summary>The function names registered with the worker.</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <param name="buyers">Keep buyer profiles across orders (in the same storage), as the app does.</param>
    public static async Task<DurableTimelineHost> StartAsync(string storageConnection, TimelinePolicy policy, ActivityRetry retry, bool buyers = false)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..10];
        var storage = new StorageAccount(storageConnection, new StorageRequestCounter(), prefix);
        IBuyerProfiles? profiles = buyers
            ? new TableBuyerProfiles(new BuyerProfileRows(storage), new BuyerKeys("functions-tests-signing-key"), new ReferralCodePool(storage))
            : null;
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var readModels = new OrderStore(storage);
        var indexes = new StorageOrderIndexes(storage, new ParcelIndex(storage), new PhoneDirectory(storage));
        var email = new RecordingSender(Channel.Email, Time);
        var sms = new RecordingSender(Channel.Sms, Time);
        var ledger = new ConsentLedger(storage);
        // Every read checks for a newer version, so a version saved by another process is seen at once.
        var studio = new StudioSettingsService(
            new SettingsStore(storage), Options.Create(new PostPurchaseOptions { Policy = policy, Studio = new StudioOptions { RefreshSeconds = 0 } }), Time, Time);
        // The app's payload shape (AddDurableTimelines sets it as the worker's serializer): enums as kebab-case strings, typed inputs.
        var converter = new JsonDataConverter(CoreJson.Options);
        IReadOnlyList<string> functions = [];
        var host = await DurableTaskTestHost.StartAsync(
            tasks => functions = tasks.AddFunctionsOf(typeof(OrderTimelineOrchestration).Assembly),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services =>
                {
                    services.AddSingleton(Time);
                    services.AddSingleton<IOrderReadModelStore>(readModels);
                    services.AddSingleton<IStudioSettings>(studio);
                    services.AddSingleton(new CustomerLinks("functions-tests-signing-key", "https://track.example", Time));
                    services.AddSingleton<IChannelSender>(email);
                    services.AddSingleton<IChannelSender>(sms);
                    services.AddSingleton<IConsentLedger>(ledger);
                    services.AddSingleton(Options.Create(new PostPurchaseOptions { Policy = policy }));
                    services.AddSingleton<IChannelSender>(new RecordingSender(Channel.WhatsApp, Time));
                    services.AddSingleton<IMerchantWebhooks>(new RecordingMerchantWebhooks());
                    if (profiles is not null)
                    {
                        services.AddSingleton(profiles);
                    }
                    services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
                    services.Configure<DurableTaskClientOptions>(o => o.DataConverter = converter);
                },
            });
        var scope = new DurableClientScope();
        scope.Use(host.Client);
        var settings = Mock.Of<IOptionsMonitor<PostPurchaseOptions>>(m => m.CurrentValue == new PostPurchaseOptions { Policy = policy });
        var durable = new DurableTimelineOptions
        {
            Retry = new() { MaxAttempts = retry.MaxAttempts, FirstInterval = retry.FirstInterval, BackoffCoefficient = retry.BackoffCoefficient, MaxInterval = retry.MaxInterval },
        };
        var workflows = new DurableOrderWorkflows(scope, indexes, readModels, ledger, settings, studio, Options.Create(durable), Time, NullLogger<DurableOrderWorkflows>.Instance, profiles);
        var ingress = new DurableTrackingIngress(indexes, workflows, readModels, NullLogger<DurableTrackingIngress>.Instance);
        return new DurableTimelineHost(host, workflows, ingress, readModels, email, sms, functions) { Buyers = profiles, Studio = studio, StoragePrefix = prefix };
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails naming <paramref name="what"/> when it never does.</summary>
    public static async Task<T> EventuallyAsync<T>(string what, Func<Task<T?>> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!patience.IsCancellationRequested)
        {
            if (await condition() is { } value)
            {
                return value;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
        throw new TimeoutException($"Still waiting after {Patience.TotalSeconds} s for {what}.");
    }

    /// <inheritdoc cref="EventuallyAsync{T}(string, Func{Task{T}})"/>
    public static Task<T> EventuallyAsync<T>(string what, Func<T?> condition) => EventuallyAsync(what, () => Task.FromResult(condition()));

    /// <summary>Waits until the read model of <paramref name="orderId"/> satisfies <paramref name="condition"/>; returns it.</summary>
    public Task<OrderSnapshot> SavedAsync(string orderId, string what, Func<OrderSnapshot, bool> condition) =>
        EventuallyAsync(what, async () => await ReadModels.GetAsync(orderId, CancellationToken.None) is { } saved && condition(saved) ? saved : null);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
