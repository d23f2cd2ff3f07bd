using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace PostPurchase.Load.Http;

/// <summary>
/// A reverse proxy in front of Azurite's blob, queue and table ports that counts every request it forwards, by service,
/// method and resource. A runtime pointed at it is measured at storage, whatever SDK or extension makes the request.
/// </summary>
internal sealed partial class CountingStorageProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Expect",
    };

    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromMinutes(2),
    };
    private readonly Dictionary<int, (string Service, int Port)> _upstreams;
    private WebApplication? _app;
    private long _total;
    private long _refused;
    private bool _unavailable;

    private CountingStorageProxy(int azuriteBlobPort, int azuriteQueuePort, int azuriteTablePort)
    {
        (BlobPort, QueuePort, TablePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        _upstreams = new()
        {
            [BlobPort] = ("blob", azuriteBlobPort),
            [QueuePort] = ("queue", azuriteQueuePort),
            [TablePort] = ("table", azuriteTablePort),
        };
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>While set, every request's connection is reset unanswered: storage is unreachable (the fault harness's outage).</summary>
    public bool Unavailable
    {
        get => Volatile.Read(ref _unavailable);
        set => Volatile.Write(ref _unavailable, value);
    }

    /// <summary>Requests refused while <see cref="Unavailable"/> was set.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Requests forwarded so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>A connection string to Azurite's account through this proxy.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Requests by "service METHOD resource" so far.</summary>
    public Dictionary<string, long> ByOperation() => new(_byOperation, StringComparer.Ordinal);

    /// <summary>Listens on three free loopback ports and forwards to Azurite's.</summary>
    public static async Task<CountingStorageProxy> StartAsync(int azuriteBlobPort, int azuriteQueuePort, int azuriteTablePort)
    {
        var proxy = new CountingStorageProxy(azuriteBlobPort, azuriteQueuePort, azuriteTablePort);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            foreach (var port in proxy._upstreams.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        proxy._app = builder.Build();
        proxy._app.Run(proxy.ForwardAsync);
        await proxy._app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (Unavailable)
        {
            Interlocked.Increment(ref _refused);
            context.Abort();
            return;
        }
        var (service, port) = _upstreams[context.Connection.LocalPort];
        var request = context.Request;
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(Operation(service, request), 1, static (_, n) => n + 1);

        // The raw target, byte for byte: the shared-key signature covers the path as the client escaped it.
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://127.0.0.1:{port}{target}", UriKind.Absolute));
        // An empty body keeps its Content-Length and Content-Type headers: the signature covers them.
        if (request.ContentLength is not null || request.ContentType is not null || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }
            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>
    /// "table GET Orders()", "queue DELETE postpurchase-control-NN/messages/*", "blob PUT postpurchase-leases/* comp=lease": entity
    /// keys, message and blob names and partition numbers are folded, so the operations of one kind count together.
    /// </summary>
    internal static string Operation(string service, HttpRequest request)
    {
        var segments = request.Path.Value!.Trim('/').Split('/');
        var resource = service switch
        {
            "table" => segments.Length > 1 ? EntityKeys().Replace(segments[1], "()") : "",
            "queue" => segments.Length switch
            {
                > 3 => $"{segments[1]}/{segments[2]}/*",
                3 => $"{segments[1]}/{segments[2]}",
                2 => segments[1],
                _ => "",
            },
            _ => segments.Length > 2 ? $"{segments[1]}/*" : segments.Length > 1 ? segments[1] : "",
        };
        resource = PartitionNumber().Replace(resource, "-NN");
        var comp = request.Query["comp"].ToString();
        return $"{service} {request.Method} {resource}{(comp.Length > 0 ? $" comp={comp}" : "")}";
    }

    [GeneratedRegex(@"\(.*\)$")]
    private static partial Regex EntityKeys();

    [GeneratedRegex(@"-\d{2}(?=/|$)")]
    private static partial Regex PartitionNumber();
}
