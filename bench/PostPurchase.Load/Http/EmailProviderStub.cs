using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PostPurchase.Load.Http;

/// <summary>
/// Azure Communication Services' email API on loopback, as the runtime under test calls it: every request must carry the
/// HMAC signature of the access key it was given; a send is accepted once per Operation-Id and reported to the driver
/// the moment it arrives (that is when the buyer's email left the runtime), a status check of an unseen operation is 404.
/// </summary>
internal sealed class EmailProviderStub : IAsyncDisposable
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("load-driver-acs-access-key-0123456789");
    private readonly ConcurrentDictionary<string, byte> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Action<string, DateTimeOffset> _sent;
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private long _refused;

    private EmailProviderStub(Action<string, DateTimeOffset> sent, TimeProvider clock) => (_sent, _clock) = (sent, clock);

    public int Port { get; } = FreePort.Next();

    /// <summary>The ACS connection string the runtime is given.</summary>
    public string ConnectionString => $"endpoint=http://127.0.0.1:{Port};accesskey={Convert.ToBase64String(Key)}";

    /// <summary>Requests refused for a missing or wrong signature (a non-zero figure means the runtime was misconfigured).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Sends accepted.</summary>
    public int Accepted => _operations.Count;

    /// <summary>Starts listening; <paramref name="sent"/> gets each new operation id and when it arrived.</summary>
    public static async Task<EmailProviderStub> StartAsync(Action<string, DateTimeOffset> sent, TimeProvider clock)
    {
        var stub = new EmailProviderStub(sent, clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, stub.Port));
        stub._app = builder.Build();
        stub._app.Run(stub.AnswerAsync);
        await stub._app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (!AcsSignature.IsSigned(request, buffer.ToArray(), Key))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path == "/emails:send")
        {
            var operationId = request.Headers["Operation-Id"].ToString();
            if (operationId.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            if (_operations.TryAdd(operationId, 0))
            {
                _sent(operationId, _clock.GetUtcNow());
            }
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.Headers["Operation-Location"] = $"http://127.0.0.1:{Port}/emails/operations/{operationId}";
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Succeeded" });
            return;
        }
        const string Operations = "/emails/operations/";
        if (HttpMethods.IsGet(request.Method) && path.StartsWith(Operations, StringComparison.Ordinal))
        {
            var operationId = path[Operations.Length..];
            if (!_operations.ContainsKey(operationId))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Succeeded" });
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
