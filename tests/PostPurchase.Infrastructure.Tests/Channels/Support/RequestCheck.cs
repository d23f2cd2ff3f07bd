using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;

namespace PostPurchase.Infrastructure.Tests.Channels.Support;

/// <summary>A WireMock request matcher that runs a check over the whole received request (method, URL, headers, raw body).</summary>
internal sealed class RequestCheck(Func<IRequestMessage, bool> check) : IRequestMatcher
{
    public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult)
    {
        bool matched;
        try
        {
            matched = check(requestMessage);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            matched = false;
        }
        return requestMatchResult.AddScore(GetType(), matched ? MatchScores.Perfect : MatchScores.Mismatch, null);
    }

    /// <summary>The first value of a request header, case-insensitive.</summary>
    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
