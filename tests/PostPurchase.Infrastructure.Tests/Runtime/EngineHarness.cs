using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>One engine instance on real storage with a fake clock and recording senders; instances made with the same prefix share storage.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHarness(ServiceProvider services, FakeTimeProvider time, string prefix, RecordingSender email, RecordingSender sms, RecordingSender whatsApp)
    {
        WhatsApp = whatsApp;
        _services = services;
        Time = time;
        Prefix = prefix;
        Email = email;
        Sms = sms;
    }

    /// <summary>The signing key buyer keys are derived from, when the harness keeps buyer profiles.</summary>
    public const string SigningKey = "engine-harness-signing-key";

    public FakeTimeProvider Time { get; }

    public string Prefix { get; }

    public IOrderWorkflows Workflows => _services.GetRequiredService<IOrderWorkflows>();

    public ITrackingIngress Ingress => _services.GetRequiredService<ITrackingIngress>();

    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();

    public StorageRequestCounter Counter => _services.GetRequiredService<StorageRequestCounter>();

    public StorageAccount Storage => _services.GetRequiredService<StorageAccount>();

    public RecordingSender Email { get; }

    public RecordingSender Sms { get; }

    public RecordingSender WhatsApp { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The engine's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Every accepted message across channels.</summary>
    public IReadOnlyList<OutboundMessage> AllSent => [.. Email.Sent, .. Sms.Sent];

    public static EngineHarness Create(
        string connectionString,
        string? prefix = null,
        FakeTimeProvider? time = null,
        Func<EngineOptions, EngineOptions>? configure = null,
        bool buyers = false,
        Action<IServiceCollection>? senders = null)
    {
        prefix ??= "t" + Guid.NewGuid().ToString("N")[..10];
        time ??= new FakeTimeProvider(Some.Monday);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton(sp => new StorageAccount(connectionString, sp.GetRequiredService<StorageRequestCounter>(), prefix));
        var options = new EngineOptions
        {
            Render = Render,
            StatusCallbackUrl = "http://localhost/api/webhooks/twilio/status",
            InputRetryDelay = TimeSpan.Zero,
            MaxInputAttempts = 3,
        };
        services.AddSingleton(configure?.Invoke(options) ?? options);
        services.AddEmbeddedEngine();
        if (buyers)
        {
            services.AddBuyerProfiles(() => SigningKey);
        }
        services.AddSingleton<StorageHealthCheck>();
        services.AddSingleton<EngineService>();
        var email = new RecordingSender(Channel.Email);
        var sms = new RecordingSender(Channel.Sms);
        services.AddSingleton<IChannelSender>(email);
        services.AddSingleton<IChannelSender>(sms);
        var whatsApp = new RecordingSender(Channel.WhatsApp);
        services.AddSingleton<IChannelSender>(whatsApp);
        // Real senders registered after the recording ones take their channels over (the engine uses the last per channel).
        senders?.Invoke(services);
        return new EngineHarness(services.BuildServiceProvider(), time, prefix, email, sms, whatsApp);
    }

    public Task<HealthCheckResult> CheckHealthAsync() =>
        Get<StorageHealthCheck>().CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("storage", Get<StorageHealthCheck>(), null, null) });

    /// <summary>Moves the clock and runs everything that became due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Runtime.DrainAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>A stand-in renderer: which message for which order, so tests can tell sends apart.</summary>
    public static RenderedMessage Render(TimelineMessage message, TimelineState state) =>
        new($"{message.Intent} {state.Order.OrderId}", $"<p>{message.Intent}</p>", $"{message.Intent} for {state.Order.OrderId}");
}
