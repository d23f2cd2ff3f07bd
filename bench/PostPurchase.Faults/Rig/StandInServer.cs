using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PostPurchase.Load.Http;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// A provider's API on a fixed loopback port that can go down (stop listening: connections are refused, as when the service
/// is unreachable) and come back on the same port, so the runtime under test keeps the address it was given.
/// </summary>
internal sealed class StandInServer(RequestDelegate answer) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();

    public bool IsUp => _app is not null;

    public async Task UpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is not null)
            {
                return;
            }
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, Port);
                k.Limits.MaxConcurrentConnections = null;
            });
            var app = builder.Build();
            app.Run(answer);
            await app.StartAsync();
            _app = app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DownAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is { } app)
            {
                _app = null;
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await app.StopAsync(quick.Token);
                await app.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DownAsync();
        _gate.Dispose();
    }
}
