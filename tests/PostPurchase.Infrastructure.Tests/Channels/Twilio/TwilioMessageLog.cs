using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio;

/// <summary>
/// The messages the Twilio stand-in holds for its account, served like Twilio's Messages list: filtered by To and From, sorted by
/// date sent with the newest first (a queued message, without a date sent, on top), in pages linked by next_page_uri.
/// </summary>
internal sealed class TwilioMessageLog(string accountSid, TimeProvider time)
{
    private readonly ConcurrentQueue<Held> _messages = new();
    private int _created;

    /// <summary>One message as Twilio keeps it.</summary>
    internal sealed record Held(string Sid, string To, string From, string Body, DateTimeOffset Created, DateTimeOffset? Sent, string Direction = "outbound-api");

    /// <summary>List requests answered (every page counts).</summary>
    public int Reads => Volatile.Read(ref _reads);

    private int _reads;

    /// <summary>While true, list requests answer 503 (Twilio having trouble).</summary>
    public bool Unavailable { get; set; }

    /// <summary>The SIDs of every message held, oldest first.</summary>
    public IReadOnlyList<string> Sids => [.. _messages.Select(m => m.Sid)];

    /// <summary>Create requests Twilio accepted.</summary>
    public int Creates => Volatile.Read(ref _creates);

    private int _creates;

    /// <summary>Records a message as if Twilio had created it at <paramref name="created"/> (now when null).</summary>
    public Held Add(string to, string from, string body, DateTimeOffset? created = null, DateTimeOffset? sent = null, string direction = "outbound-api")
    {
        var held = new Held($"SM{Interlocked.Increment(ref _created):D32}", to, from, body, created ?? time.GetUtcNow(), sent, direction);
        _messages.Enqueue(held);
        return held;
    }

    /// <summary>Accepts a create request: records the message (queued, no date sent yet) and answers 201 with its SID.</summary>
    public ResponseMessage Create(IRequestMessage request)
    {
        Interlocked.Increment(ref _creates);
        var form = QueryHelpers.ParseQuery(request.Body ?? "");
        var held = Add(form["To"].ToString(), form["From"].ToString(), form["Body"].ToString());
        return Json(201, JsonSerializer.Serialize(Resource(held)));
    }

    /// <summary>Answers a list request the way Twilio does, or 404 (code 20404) for another account.</summary>
    public ResponseMessage List(IRequestMessage request)
    {
        Interlocked.Increment(ref _reads);
        if (Unavailable)
        {
            return Json(503, """{"code":20500,"message":"Service unavailable","more_info":"https://www.twilio.com/docs/errors/20500","status":503}""");
        }

        if (request.Path != $"/2010-04-01/Accounts/{accountSid}/Messages.json")
        {
            return Json(404, """{"code":20404,"message":"The requested resource was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}""");
        }

        var query = QueryHelpers.ParseQuery(new Uri(request.AbsoluteUrl).Query);
        var to = query.TryGetValue("To", out var t) ? t.ToString() : null;
        var from = query.TryGetValue("From", out var f) ? f.ToString() : null;
        var size = query.TryGetValue("PageSize", out var s) ? int.Parse(s!, CultureInfo.InvariantCulture) : 50;
        var page = query.TryGetValue("Page", out var p) ? int.Parse(p!, CultureInfo.InvariantCulture) : 0;
        var matching = _messages
            .Where(m => (to is null || m.To == to) && (from is null || m.From == from))
            .OrderByDescending(m => m.Sent ?? DateTimeOffset.MaxValue).ThenByDescending(m => m.Created)
            .ToList();
        var records = matching.Skip(page * size).Take(size).Select(Resource).ToList();
        var filter = $"{(to is null ? "" : $"To={Uri.EscapeDataString(to)}&")}{(from is null ? "" : $"From={Uri.EscapeDataString(from)}&")}PageSize={size}";
        var path = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
        var next = (page + 1) * size < matching.Count ? $"{path}?{filter}&Page={page + 1}&PageToken=PASM{page + 1:D32}" : null;
        var body = new Dictionary<string, object?>
        {
            ["messages"] = records,
            ["page"] = page,
            ["page_size"] = size,
            ["start"] = page * size,
            ["end"] = (page * size) + records.Count - 1,
            ["uri"] = $"{path}?{filter}&Page={page}",
            ["first_page_uri"] = $"{path}?{filter}&Page=0",
            ["next_page_uri"] = next,
            ["previous_page_uri"] = page > 0 ? $"{path}?{filter}&Page={page - 1}" : null,
        };
        return Json(200, JsonSerializer.Serialize(body));
    }

    private Dictionary<string, object?> Resource(Held m) => new()
    {
        ["account_sid"] = accountSid,
        ["api_version"] = "2010-04-01",
        ["body"] = m.Body,
        ["date_created"] = Rfc2822(m.Created),
        ["date_sent"] = m.Sent is { } sent ? Rfc2822(sent) : null,
        ["date_updated"] = Rfc2822(m.Sent ?? m.Created),
        ["direction"] = m.Direction,
        ["from"] = m.From,
        ["to"] = m.To,
        ["sid"] = m.Sid,
        ["status"] = m.Sent is null ? "queued" : "sent",
        ["num_segments"] = "1",
        ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{m.Sid}.json",
    };

    private static string Rfc2822(DateTimeOffset value) => value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private static ResponseMessage Json(int status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}
