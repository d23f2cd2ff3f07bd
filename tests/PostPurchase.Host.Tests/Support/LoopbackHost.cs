using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PostPurchase.Host.Tests.Support;

/// <summary>
/// The real Host (<see cref="HostApplication"/>, what Program runs) started on Kestrel at a free loopback port. Built directly
/// rather than through WebApplicationFactory: the factory lets the app's own thread start the server while the test thread still
/// sets its port, which fails now and then under load ("addresses cannot be modified after the server has started").
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private LoopbackHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the host with <paramref name="settings"/> as command-line settings (they win over every other source).</summary>
    public static LoopbackHost Start(string environment, IEnumerable<KeyValuePair<string, string>> settings, Action<IServiceCollection>? overrideServices)
    {
        string[] args = [$"--environment={environment}", "--urls=http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")];
        var app = HostApplication.Build(args, overrideServices);
        try
        {
            // Off the test's synchronization context: start-up awaits without capturing it.
            Task.Run(() => app.StartAsync()).GetAwaiter().GetResult();
        }
        catch
        {
            Task.Run(() => app.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            throw;
        }

        var bound = app.Urls.First(u => u.StartsWith("http://", StringComparison.Ordinal));
        return new LoopbackHost(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>A client for this host; disposed with it.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
