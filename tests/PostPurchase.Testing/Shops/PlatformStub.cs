using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// A local stand-in for a shop platform's API on a loopback port, answering as the platform does: its credentials check, its
/// paging, its error bodies, 404 for what it never saw. On top: <see cref="Latency"/> on every answer, and a one-off throttle
/// (429 with the given Retry-After) for the next call of a kind. Every call is kept with the stub clock's time, and every
/// request the real platform would refuse or misread is listed in <see cref="Problems"/>.
/// </summary>
public abstract class PlatformStub : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<StubCall> _calls = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, (string RetryAfter, string Body, Func<IRequestMessage, bool>? When)> _throttles = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    protected PlatformStub(TimeProvider? clock)
    {
        _clock = clock ?? TimeProvider.System;
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    /// <summary>The stub's base URL (http://127.0.0.1:port).</summary>
    public string Url => _server.Url!;

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every call answered, in order.</summary>
    public IReadOnlyList<StubCall> Calls => [.. _calls];

    /// <summary>Requests the real platform would refuse or read otherwise than the caller meant; empty when every request was exact.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>The calls of one kind (see the stub's kinds).</summary>
    public IReadOnlyList<StubCall> CallsOf(string kind) => [.. _calls.Where(c => c.Kind == kind)];

    /// <summary>
    /// The next call of <paramref name="kind"/> (that <paramref name="when"/> picks, if given) is answered 429 with
    /// <paramref name="retryAfter"/> verbatim ("2", "2.0", an HTTP date) and <paramref name="body"/>.
    /// </summary>
    public void ThrottleNext(string kind, string retryAfter, string body = "", Func<IRequestMessage, bool>? when = null) =>
        _throttles[kind] = (retryAfter, body, when);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What kind of call <paramref name="request"/> is ("graphql:orders", "orders", ...), or null for a route the platform does not have.</summary>
    protected abstract string? Kind(IRequestMessage request);

    /// <summary>The platform's answer to a call of <paramref name="kind"/>.</summary>
    protected abstract StubAnswer Answer(IRequestMessage request, string kind);

    /// <summary>The platform's answer to a route it does not have.</summary>
    protected abstract StubAnswer NoRoute(IRequestMessage request);

    /// <summary>Records a request the real platform would refuse or misread.</summary>
    protected void Problem(string problem) => _problems.Enqueue(problem);

    /// <summary>The header's value, or null.</summary>
    protected static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The query parameter's value, or null.</summary>
    protected static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(',', values) : null;

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency).ConfigureAwait(false);
        }
        var kind = Kind(request);
        StubAnswer answer;
        if (kind is null)
        {
            answer = NoRoute(request);
        }
        else if (_throttles.TryGetValue(kind, out var throttle) && (throttle.When?.Invoke(request) ?? true) && _throttles.TryRemove(kind, out _))
        {
            answer = new StubAnswer(429, throttle.Body, new Dictionary<string, string> { ["Retry-After"] = throttle.RetryAfter });
        }
        else
        {
            answer = Answer(request, kind);
        }
        _calls.Enqueue(new StubCall(_clock.GetUtcNow(), kind ?? "none", request.Method, request.Url, request.Body, answer.Status));
        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }
        return response;
    }
}

/// <summary>One call a stub answered: when (by the stub's clock), what kind, the request and the status answered.</summary>
public sealed record StubCall(DateTimeOffset At, string Kind, string Method, string Url, string? Body, int Status);

/// <summary>A stub's answer: status, JSON body and extra headers.</summary>
public sealed record StubAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
