using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Time;

namespace PostPurchase.Host.Tests.Support;

/// <summary>The real Host on Kestrel (loopback, free port) against Azurite, with its own storage prefix and, by default, a simulated clock at a fixed start.</summary>
internal sealed class HostApp : WebApplicationFactory<Program>
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

    /// <param name="settings">Extra configuration (e.g. <c>PostPurchase:Twilio:AccountSid</c>), applied last.</param>
    /// <param name="environment">The hosting environment; every factory is built through this class so its start goes through <see cref="HostStartGate"/>.</param>
    public HostApp(string storage, bool simulated = true, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null, string environment = "Testing")
    {
        _storage = storage;
        _simulated = simulated;
        _services = services;
        _settings = settings;
        _environment = environment;
        Prefix = "h" + Guid.NewGuid().ToString("N")[..10];
        UseKestrel(0);
    }

    /// <summary>Table and queue name prefix of this host.</summary>
    public string Prefix { get; }

    /// <summary>The simulated clock (null with the system clock).</summary>
    public SimulatedClock? Clock { get; private set; }

    /// <inheritdoc />
    public override IServiceProvider Services
    {
        get
        {
            HostStartGate.Start(StartServer);
            return base.Services;
        }
    }

    /// <summary>A client with the merchant API key on every request.</summary>
    public HttpClient Merchant()
    {
        HostStartGate.Start(StartServer);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return client;
    }

    /// <summary>A client without credentials (webhooks, dev clock, health).</summary>
    public HttpClient Anonymous()
    {
        HostStartGate.Start(StartServer);
        return CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("PostPurchase:Storage", _storage);
        builder.UseSetting("PostPurchase:ApiKey", ApiKey);
        builder.UseSetting("PostPurchase:SigningKey", "test-signing-key-0123456789abcdef");
        builder.UseSetting("PostPurchase:PublicBaseUrl", "https://shop.example");
        builder.UseSetting("PostPurchase:Clock", _simulated ? "Simulated" : "System");
        foreach (var (provider, secret) in Secrets)
        {
            builder.UseSetting($"PostPurchase:Carriers:{provider}:Secret", secret);
        }
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
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
        });
    }
}
