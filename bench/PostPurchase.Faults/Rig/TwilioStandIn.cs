using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Twilio's Messages API on loopback: a create needs basic auth with the account's token (401 otherwise) and is a new message
/// every time (Twilio has no idempotency key), so a second create for one status-callback key is a duplicate the buyer gets.
/// Answers after the configured latency or refuses as the behaviour says; lists messages by recipient and send date, as
/// Twilio's list filter does, for a sender that looks a lost send up.
/// </summary>
internal sealed class TwilioStandIn : IAsyncDisposable
{
    public const string AccountSid = "ACfa017a0000000000000000000000beef";
    public const string AuthToken = "fault-harness-twilio-auth-token-5c1d";
    public const string From = "+3197010000099";

    private readonly ConcurrentDictionary<string, SentText> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byCallbackPort = new();
    private readonly Random _random = new(11);
    private readonly StandInServer _server;
    private long _unauthorised;

    public TwilioStandIn(DeliveryLedger ledger, TimeProvider clock)
    {
        Ledger = ledger;
        Clock = clock;
        _server = new StandInServer(AnswerAsync);
    }

    public DeliveryLedger Ledger { get; }

    public ProviderBehaviour Behaviour { get; } = new();

    private TimeProvider Clock { get; }

    public string BaseUrl => $"http://127.0.0.1:{_server.Port}";

    /// <summary>Requests refused for missing or wrong credentials (non-zero: the runtime was misconfigured).</summary>
    public long Unauthorised => Interlocked.Read(ref _unauthorised);

    /// <summary>Texts accepted by the port of their status callback: each runtime gives its own address, so this says which one sent it.</summary>
    public long SentVia(int port) => _byCallbackPort.GetValueOrDefault(port);

    public Task UpAsync() => _server.UpAsync();

    public Task DownAsync() => _server.DownAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (request.Headers.Authorization.ToString() != expected)
        {
            Interlocked.Increment(ref _unauthorised);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { code = 20003, message = "Authenticate", status = 401 });
            return;
        }
        if (request.Path.Value != $"/2010-04-01/Accounts/{AccountSid}/Messages.json")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { code = 20404, message = "The requested resource was not found", status = 404 });
            return;
        }
        if (HttpMethods.IsGet(request.Method))
        {
            await ListAsync(context);
            return;
        }
        var form = await request.ReadFormAsync(context.RequestAborted);
        if (Behaviour.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Behaviour.Latency, context.RequestAborted);
        }
        if (Behaviour.Refusal(_random, Clock.GetUtcNow().UtcTicks) is var (status, retryAfter))
        {
            Ledger.Refuse();
            context.Response.StatusCode = status;
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            await context.Response.WriteAsJsonAsync(new { code = status == 429 ? 20429 : 20500, message = "stand-in refusal", status });
            return;
        }
        var callback = form["StatusCallback"].ToString();
        var key = Uri.TryCreate(callback, UriKind.Absolute, out var uri) ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)["key"].ToString() : "";
        var text = new SentText($"SM{Guid.NewGuid():N}", form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(), key, Clock.GetUtcNow());
        _sent[text.Sid] = text;
        if (uri is not null)
        {
            _byCallbackPort.AddOrUpdate(uri.Port, 1, static (_, n) => n + 1);
        }
        Ledger.Deliver(key.Length > 0 ? key : text.Sid, $"text|{text.To}|{text.Body}");
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(text.Resource());
    }

    private async Task ListAsync(HttpContext context)
    {
        var to = context.Request.Query["To"].ToString();
        var after = DateTimeOffset.TryParse(context.Request.Query["DateSent>"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since : DateTimeOffset.MinValue;
        var found = _sent.Values.Where(t => (to.Length == 0 || t.To == to) && t.Created.Date >= after.Date).OrderByDescending(t => t.Created).ToList();
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["messages"] = found.Select(t => t.Resource()).ToList(),
            ["first_page_uri"] = context.Request.Path + context.Request.QueryString,
            ["next_page_uri"] = null,
            ["previous_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 50,
            ["start"] = 0,
            ["end"] = found.Count,
            ["uri"] = context.Request.Path + context.Request.QueryString,
        });
    }

    private sealed record SentText(string Sid, string To, string From, string Body, string Key, DateTimeOffset Created)
    {
        public Dictionary<string, object?> Resource() => new()
        {
            ["sid"] = Sid,
            ["account_sid"] = AccountSid,
            ["api_version"] = "2010-04-01",
            ["to"] = To,
            ["from"] = From,
            ["body"] = Body,
            ["status"] = "queued",
            ["direction"] = "outbound-api",
            ["num_segments"] = "1",
            ["date_created"] = Created.ToString("r", CultureInfo.InvariantCulture),
            ["date_updated"] = Created.ToString("r", CultureInfo.InvariantCulture),
            ["date_sent"] = null,
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
        };
    }
}
