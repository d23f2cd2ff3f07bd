using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PostPurchase.Load.Http;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Azure Communication Services' email API on loopback: only requests signed with the access key it hands out are answered
/// (401 otherwise); a send is accepted once per Operation-Id (a repeat is answered as ACS does, with no second email), after
/// the configured latency, or refused as the behaviour says; a status read of an operation it never accepted is 404.
/// </summary>
internal sealed class AcsStandIn : IAsyncDisposable
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("fault-harness-acs-access-key-0123456789");
    private readonly ConcurrentDictionary<string, byte> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random _random = new(7);
    private readonly StandInServer _server;
    private long _unsigned;
    private long _statusReads;

    public AcsStandIn(DeliveryLedger ledger, TimeProvider clock)
    {
        Ledger = ledger;
        Clock = clock;
        _server = new StandInServer(AnswerAsync);
    }

    public DeliveryLedger Ledger { get; }

    public ProviderBehaviour Behaviour { get; } = new();

    private TimeProvider Clock { get; }

    /// <summary>The ACS connection string the runtime is given.</summary>
    public string ConnectionString => $"endpoint=http://127.0.0.1:{_server.Port};accesskey={Convert.ToBase64String(Key)}";

    /// <summary>Requests refused for a missing or wrong signature (non-zero: the runtime was misconfigured).</summary>
    public long Unsigned => Interlocked.Read(ref _unsigned);

    /// <summary>Operation status reads answered (the runtime's status poll).</summary>
    public long StatusReads => Interlocked.Read(ref _statusReads);

    /// <summary>The secret the runtime holds, to look for in its logs.</summary>
    public static string Secret => Convert.ToBase64String(Key);

    public Task UpAsync() => _server.UpAsync();

    public Task DownAsync() => _server.DownAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (!AcsSignature.IsSigned(request, buffer.ToArray(), Key))
        {
            Interlocked.Increment(ref _unsigned);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path == "/emails:send")
        {
            await SendAsync(context, buffer.ToArray());
            return;
        }
        const string Operations = "/emails/operations/";
        if (HttpMethods.IsGet(request.Method) && path.StartsWith(Operations, StringComparison.Ordinal))
        {
            var operationId = path[Operations.Length..];
            Interlocked.Increment(ref _statusReads);
            if (!_operations.ContainsKey(operationId))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = Behaviour.ReportsStatus ? "Succeeded" : "Running" });
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task SendAsync(HttpContext context, byte[] body)
    {
        var operationId = context.Request.Headers["Operation-Id"].ToString();
        if (operationId.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Behaviour.Arrive(Clock.GetUtcNow().UtcTicks);
        if (Behaviour.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Behaviour.Latency, context.RequestAborted);
        }
        if (_operations.ContainsKey(operationId))
        {
            Ledger.Repeat();
        }
        else if (Behaviour.Refusal(_random, Clock.GetUtcNow().UtcTicks) is var (status, retryAfter))
        {
            Ledger.Refuse();
            context.Response.StatusCode = status;
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await context.Response.WriteAsJsonAsync(new { error = new { code = status == 429 ? "TooManyRequests" : "ServiceUnavailable", message = "stand-in refusal" } });
            return;
        }
        else if (_operations.TryAdd(operationId, 0))
        {
            using var json = JsonDocument.Parse(body);
            var to = json.RootElement.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString();
            var subject = json.RootElement.GetProperty("content").GetProperty("subject").GetString();
            Ledger.Deliver(operationId, $"email|{to}|{subject}");
        }
        else
        {
            Ledger.Repeat();
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["Operation-Location"] = $"http://127.0.0.1:{_server.Port}/emails/operations/{operationId}";
        await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
    }
}
