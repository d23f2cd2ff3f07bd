using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio;

/// <summary>A local stand-in for api.twilio.com that only answers requests with the exact form and valid basic auth.</summary>
internal sealed class TwilioStub : IDisposable
{
    public const string AccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string AuthToken = "twilio-secret-token-7f3a9c";
    public const string SmsFrom = "+3197010000000";
    public const string WhatsAppFrom = "+3197010000001";
    public const string ApiKeySid = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string CreatedSid = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public TwilioStub(TimeProvider? time = null) => Log = new TwilioMessageLog(AccountSid, time ?? TimeProvider.System);

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>The account's messages, as the list endpoint serves them (<see cref="ServeMessageList"/>).</summary>
    public TwilioMessageLog Log { get; }

    /// <summary>Serves GET Messages.json like Twilio: basic auth checked (401 without), 404 for an account it does not know.</summary>
    public void ServeMessageList()
    {
        var anyAccount = new WireMock.Matchers.WildcardMatcher("/2010-04-01/Accounts/*/Messages.json");
        Server.Given(Request.Create().WithPath(anyAccount).UsingGet().Add(new RequestCheck(r => Seen(r) && (HasBasicAuth(r, AccountSid, AuthToken) || HasBasicAuth(r, ApiKeySid, AuthToken)))))
            .AtPriority(1).RespondWith(Response.Create().WithCallback(Log.List));
        Server.Given(Request.Create().WithPath(anyAccount).UsingGet()).AtPriority(2)
            .RespondWith(Error(401, 20003, "Authenticate"));
    }

    /// <summary>Holds every create request unprocessed for <paramref name="delay"/>, then refuses it (503): Twilio never got the message.</summary>
    public void HoldCreates(TimeSpan delay) =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost().Add(new RequestCheck(Seen))).AtPriority(10)
            .RespondWith(Error(503, 20500, "Service unavailable").WithDelay(delay));

    /// <summary>Accepts any authenticated create: Twilio keeps the message (listed from then on), then answers after <paramref name="delay"/>.</summary>
    public void AcceptCreates(TimeSpan? delay = null) =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost().Add(new RequestCheck(r => Seen(r) && HasBasicAuth(r, AccountSid, AuthToken)))).AtPriority(5)
            .RespondWith(Response.Create().WithCallback(async request =>
            {
                var created = Log.Create(request);
                if (delay is { } wait)
                {
                    await Task.Delay(wait);
                }
                return (IResponseMessage)created;
            }));

    public string MessagesPath => $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    public PostPurchaseOptions Settings(Action<TwilioOptions>? configure = null)
    {
        var settings = new PostPurchaseOptions
        {
            PublicBaseUrl = "https://shop.example/",
            Twilio = new TwilioOptions { AccountSid = AccountSid, AuthToken = AuthToken, From = SmsFrom, WhatsAppFrom = WhatsAppFrom, BaseUrl = Server.Url! },
        };
        configure?.Invoke(settings.Twilio);
        return settings;
    }

    /// <summary>POST to the Messages resource with exactly <paramref name="form"/> and basic auth <paramref name="user"/>:<see cref="AuthToken"/>.</summary>
    public IRequestBuilder Create(IReadOnlyDictionary<string, string> form, string user = AccountSid) =>
        Request.Create().WithPath(MessagesPath).UsingPost()
            .WithHeader("Content-Type", "application/x-www-form-urlencoded*")
            .Add(new RequestCheck(r => Seen(r) && HasBasicAuth(r, user, AuthToken) && FormIs(r, form)));

    /// <summary>Requests that reached the stub, counted when they arrive (an aborted request is never logged by WireMock).</summary>
    public int Arrived => _arrived.Count;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> _arrived = new();

    private bool Seen(IRequestMessage request)
    {
        _arrived.TryAdd(RequestId(request), true);
        return true;
    }

    private static Guid RequestId(IRequestMessage request) =>
        new(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes($"{request.DateTime:O}|{request.ClientIP}|{request.Body}")));

    public static IResponseBuilder Created() =>
        Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Fixture.Text("twilio-message-create-201.json"));

    public static IResponseBuilder Error(int status, int code, string message = "error") =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""");

    public int RequestCount => Server.LogEntries.Count();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> ReceivedForms() =>
        Server.LogEntries.Select(e => (IReadOnlyDictionary<string, string>)Parse(e.RequestMessage.Body)).ToList();

    public static bool HasBasicAuth(IRequestMessage request, string user, string secret)
    {
        var header = RequestCheck.Header(request, "Authorization");
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return decoded == $"{user}:{secret}";
    }

    private static bool FormIs(IRequestMessage request, IReadOnlyDictionary<string, string> expected)
    {
        var received = Parse(request.Body);
        return received.Count == expected.Count && expected.All(p => received.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    private static Dictionary<string, string> Parse(string? body) =>
        QueryHelpers.ParseQuery(body ?? "").ToDictionary(p => p.Key, p => p.Value.Count == 1 ? p.Value[0]! : string.Join("|", p.Value.ToArray()));

    public void Dispose() => Server.Dispose();
}
