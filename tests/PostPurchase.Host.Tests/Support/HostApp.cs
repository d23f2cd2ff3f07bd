using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Time;

namespace PostPurchase.Host.Tests.Support;

/// <summary>The real Host on Kestrel (loopback, free port) against Azurite, with its own storage prefix and, by default, a simulated clock at a fixed start.</summary>
internal sealed class HostApp : IAsyncDisposable
{
    public const string ApiKey = "test-merchant-key-4f1c9a";

    /// <summary>Monday 2 March 2026, 08:00 UTC (09:00 in Amsterdam).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["aftership"] = "aftership-test-secret",
        ["easypost"] = "easypost-test-secret",
        ["sendcloud"] = "sendcloud-test-secret",
        ["shippo"] = "shippo-test-secret",
        ["generic"] = "generic-test-secret",
    };

    private readonly string _storage;
    private readonly bool _simulated;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly string _environment;
    private readonly Lock _starting = new();
    private LoopbackHost? _host;

    /// <param name="settings">Extra configuration (e.g. <c>PostPurchase:Twilio:AccountSid</c>), applied last.</param>
    /// <param name="environment">The hosting environment (Testing unless a test needs another).</param>
    /// <param name="prefix">The storage prefix of an earlier host, to restart on its data; a new one by default.</param>
    public HostApp(string storage, bool simulated = true, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null, string environment = "Testing", string? prefix = null)
    {
        _storage = storage;
        _simulated = simulated;
        _services = services;
        _settings = settings;
        _environment = environment;
        Prefix = prefix ?? "h" + Guid.NewGuid().ToString("N")[..10];
    }

    /// <summary>Table and queue name prefix of this host.</summary>
    public string Prefix { get; }

    /// <summary>The simulated clock (null with the system clock).</summary>
    public SimulatedClock? Clock { get; private set; }

    /// <summary>The host's services (starts the host on first use).</summary>
    public IServiceProvider Services => Started.Services;

    /// <summary>A client with the merchant API key on every request.</summary>
    public HttpClient Merchant()
    {
        var client = Started.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return client;
    }

    /// <summary>A client without credentials (webhooks, dev clock, health).</summary>
    public HttpClient Anonymous() => Started.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private LoopbackHost Started
    {
        get
        {
            lock (_starting)
            {
                return _host ??= LoopbackHost.Start(_environment, Settings(), Replace);
            }
        }
    }

    private IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("PostPurchase:Storage", _storage);
        yield return new("PostPurchase:ApiKey", ApiKey);
        yield return new("PostPurchase:SigningKey", "test-signing-key-0123456789abcdef");
        yield return new("PostPurchase:PublicBaseUrl", "https://shop.example");
        yield return new("PostPurchase:Clock", _simulated ? "Simulated" : "System");
        foreach (var (provider, secret) in Secrets)
        {
            yield return new($"PostPurchase:Carriers:{provider}:Secret", secret);
        }

        // Applied last: a later argument wins over an earlier one with the same key.
        foreach (var setting in _settings ?? new Dictionary<string, string>())
        {
            yield return setting;
        }
    }

    private void Replace(IServiceCollection services)
    {
        services.RemoveAll<StorageAccount>();
        services.AddSingleton(sp => new StorageAccount(_storage, sp.GetRequiredService<StorageRequestCounter>(), Prefix));
        if (_simulated)
        {
            Clock = new SimulatedClock(Start);
            services.RemoveAll<SimulatedClock>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
            services.AddSingleton<TimeProvider>(Clock);
        }

        _services?.Invoke(services);
    }
}
