using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

/// <summary>
/// A local stand-in for an ACS resource: answers only requests whose HMAC signature it recomputes from the
/// received method, path, host, date and body, and keeps send operations by their Operation-Id.
/// </summary>
internal sealed class AcsStub : IDisposable
{
    public const string AccessKey = "c2VjcmV0LWFjY2Vzcy1rZXktZm9yLXRlc3Rz";

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>Operation id -> status JSON the status endpoint answers; absent means 404.</summary>
    public ConcurrentDictionary<string, string> Operations { get; } = new();

    public ConcurrentQueue<(string OperationId, JsonElement Body)> Sends { get; } = new();

    /// <summary>Status answers given after acceptance, one per poll; the last one repeats.</summary>
    public List<string> StatusAfterSend { get; } = [Fixture.Json("acs-email-operation-succeeded.example.json").GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText()];

    /// <summary>Answers to the next sends (status code), before the normal 202.</summary>
    public ConcurrentQueue<int> SendFailures { get; } = new();

    public string? BearerToken { get; set; }

    public string ConnectionString => $"endpoint={Server.Url}/;accesskey={AccessKey}";

    public PostPurchaseOptions Settings(string? connectionString = null) => new()
    {
        Email = new EmailOptions { Provider = "Acs", ConnectionString = connectionString ?? ConnectionString, Sender = "DoNotReply@shop.example" },
        Branding = new Core.Messages.Branding { ShopName = "Zeeman & Zonen", SupportEmail = "help@shop.example" },
    };

    public AcsStub(TimeSpan? sendDelay = null)
    {
        // The operation is recorded as soon as the request arrives; a delay only holds back the answer,
        // like a service that accepted the send but whose response never reached the client in time.
        Server.Given(Request.Create().WithPath("/emails:send").WithParam("api-version", "2023-03-31").UsingPost().Add(new RequestCheck(IsAuthenticated)))
            .RespondWith(Response.Create().WithCallback(async request =>
            {
                var response = Send(request);
                if (sendDelay is { } delay)
                {
                    await Task.Delay(delay);
                }
                return (IResponseMessage)response;
            }));
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/emails/operations/*")).WithParam("api-version", "2023-03-31").UsingGet().Add(new RequestCheck(IsAuthenticated)))
            .RespondWith(Response.Create().WithCallback(Status));
    }

    public int Posts => Server.LogEntries.Count(e => e.RequestMessage.Method == "POST");

    private int _polls;

    private ResponseMessage Send(IRequestMessage request)
    {
        var operationId = RequestCheck.Header(request, "Operation-Id") ?? "";
        if (SendFailures.TryDequeue(out var failure))
        {
            return Json(failure, """{"error":{"code":"ServiceUnavailable","message":"try again"}}""");
        }
        Sends.Enqueue((operationId, JsonDocument.Parse(request.Body!).RootElement.Clone()));
        Operations[operationId] = """{"status":"Running"}""";
        var accepted = Json(202, $$"""{"id":"{{operationId}}","status":"Running"}""");
        accepted.AddHeader("Operation-Location", $"{Server.Url}/emails/operations/{operationId}?api-version=2023-03-31");
        accepted.AddHeader("Retry-After", "0");
        return accepted;
    }

    private ResponseMessage Status(IRequestMessage request)
    {
        var operationId = request.Path.Split('/')[^1];
        if (!Operations.ContainsKey(operationId))
        {
            return Json(404, """{"error":{"code":"NotFound","message":"Operation not found"}}""");
        }
        var index = Math.Min(Interlocked.Increment(ref _polls) - 1, StatusAfterSend.Count - 1);
        using var body = JsonDocument.Parse(StatusAfterSend[index]);
        var status = body.RootElement.GetProperty("status").GetString();
        var error = body.RootElement.TryGetProperty("error", out var e) ? $",\"error\":{e.GetRawText()}" : "";
        return Json(200, $$"""{"id":"{{operationId}}","status":"{{status}}"{{error}}}""");
    }

    /// <summary>Recomputes the ACS HMAC (or checks the bearer token) over the request as received.</summary>
    private bool IsAuthenticated(IRequestMessage request)
    {
        var authorization = RequestCheck.Header(request, "Authorization") ?? "";
        if (BearerToken is not null)
        {
            return authorization == $"Bearer {BearerToken}";
        }
        var body = request.BodyAsBytes ?? (request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body));
        var hash = Convert.ToBase64String(SHA256.HashData(body));
        var date = RequestCheck.Header(request, "x-ms-date");
        var host = RequestCheck.Header(request, "Host");
        if (hash != RequestCheck.Header(request, "x-ms-content-sha256") || date is null || host is null)
        {
            return false;
        }
        var pathAndQuery = new Uri(request.Url).PathAndQuery;
        var toSign = $"{request.Method}\n{pathAndQuery}\n{date};{host};{hash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AccessKey), Encoding.ASCII.GetBytes(toSign)));
        return authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}";
    }

    private static ResponseMessage Json(int status, string body)
    {
        var message = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String } };
        message.AddHeader("Content-Type", "application/json");
        return message;
    }

    public void Dispose() => Server.Dispose();
}
