using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PostPurchase.Testing.Http;

/// <summary>A real HTTP server on a free loopback port that records every request, standing in for a shop's webhook endpoint.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly Task _loop;

    /// <summary>Starts listening on http://127.0.0.1:{free port}/.</summary>
    public WebhookReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The URL to configure as the shop's endpoint.</summary>
    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>Status answered when no scripted one is left.</summary>
    public int DefaultStatus { get; set; } = 200;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>Answers the next requests with these statuses, then <see cref="DefaultStatus"/>.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scriptedStatuses.Enqueue(status);
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived in total, or throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (_received.Count < count)
        {
            try
            {
                await _arrivals.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} webhook requests, got {_received.Count}.");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            // Close alone: after a Stop, Close looks the endpoint up again and binds its port anew on Linux, which fails when
            // another test has taken the port meanwhile.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The listener is gone either way.
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception; nothing to report.
        }
        _arrivals.Dispose();
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body));
            context.Response.StatusCode = _scriptedStatuses.TryDequeue(out var status) ? status : DefaultStatus;
            context.Response.Close();
            _arrivals.Release();
        }
    }
}

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
