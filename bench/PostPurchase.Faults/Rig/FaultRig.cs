using PostPurchase.Load.Http;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// What every case runs against: a fresh Azurite behind a counting proxy that can cut storage off, the ACS and Twilio
/// stand-ins with their ledgers, and the settings that point a runtime at all of them.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private readonly List<RuntimeUnderTest> _runtimes = [];

    private FaultRig(AzuriteServer azurite, CountingStorageProxy proxy, FaultSettings settings)
    {
        (Azurite, Proxy, Settings) = (azurite, proxy, settings);
        Acs = new AcsStandIn(Emails, TimeProvider.System);
        Twilio = new TwilioStandIn(Texts, TimeProvider.System);
    }

    public AzuriteServer Azurite { get; }

    public CountingStorageProxy Proxy { get; }

    public FaultSettings Settings { get; }

    public DeliveryLedger Emails { get; } = new();

    public DeliveryLedger Texts { get; } = new();

    public AcsStandIn Acs { get; }

    public TwilioStandIn Twilio { get; }

    /// <summary>Starts Azurite (in memory, fresh for each case), the proxy and both stand-ins.</summary>
    public static async Task<FaultRig> StartAsync(FaultSettings settings)
    {
        var azurite = new AzuriteServer();
        var proxy = await CountingStorageProxy.StartAsync(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var rig = new FaultRig(azurite, proxy, settings);
        await rig.Acs.UpAsync();
        await rig.Twilio.UpAsync();
        Directory.CreateDirectory(settings.LogDirectory);
        return rig;
    }

    /// <summary>A runtime on <paramref name="port"/> with every setting pointing at this rig; <paramref name="extra"/> adds or overrides.</summary>
    public RuntimeUnderTest Runtime(string name, int port, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = HarnessSecrets.Settings();
        environment["AzureWebJobsStorage"] = Proxy.ConnectionString;
        environment["PostPurchase__Storage"] = Proxy.ConnectionString;
        environment["PostPurchase__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        environment["PostPurchase__Email__Provider"] = "Acs";
        environment["PostPurchase__Email__ConnectionString"] = Acs.ConnectionString;
        environment["PostPurchase__Email__Sender"] = "orders@shop.example";
        environment["PostPurchase__Twilio__AccountSid"] = TwilioStandIn.AccountSid;
        environment["PostPurchase__Twilio__AuthToken"] = TwilioStandIn.AuthToken;
        environment["PostPurchase__Twilio__From"] = TwilioStandIn.From;
        environment["PostPurchase__Twilio__BaseUrl"] = Twilio.BaseUrl;
        environment["PostPurchase__Branding__ShopName"] = "Fault shop";
        environment["PostPurchase__Branding__SupportEmail"] = "support@shop.example";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var runtime = new RuntimeUnderTest(name, Settings.Serve, port, environment, Path.Combine(Settings.LogDirectory, $"{name}.log"));
        _runtimes.Add(runtime);
        return runtime;
    }

    /// <summary>An HTTP client for the shops' and carriers' traffic to <paramref name="runtime"/>.</summary>
    public static HttpClient Client(RuntimeUnderTest runtime) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = runtime.BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes)
        {
            await runtime.DisposeAsync();
        }
        await Acs.DisposeAsync();
        await Twilio.DisposeAsync();
        await Proxy.DisposeAsync();
        Azurite.Dispose();
    }
}
