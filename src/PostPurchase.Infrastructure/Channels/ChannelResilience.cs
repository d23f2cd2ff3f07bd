using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>
/// The resilience pipeline of every provider client: retry (honouring Retry-After) of what is safe to
/// repeat, a circuit breaker, and a per-attempt timeout. What is safe differs per provider and request.
/// </summary>
internal static class ChannelResilience
{
    /// <summary>Adds the pipeline to <paramref name="client"/>; <paramref name="mayRetry"/> decides per request and outcome.</summary>
    public static IHttpClientBuilder AddChannelResilience(
        this IHttpClientBuilder client, string name, Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> mayRetry)
    {
        client.AddResilienceHandler(name, (pipeline, context) =>
        {
            var timings = context.ServiceProvider.GetRequiredService<ChannelTimings>();
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = timings.MaxRetryAttempts,
                Delay = timings.RetryBaseDelay,
                MaxDelay = timings.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = timings.UseJitter,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(mayRetry(args.Context.GetRequestMessage(), args.Outcome)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                BreakDuration = timings.BreakDuration,
                FailureRatio = timings.BreakFailureRatio,
                MinimumThroughput = timings.BreakMinimumThroughput,
                ShouldHandle = args => ValueTask.FromResult(IsServiceTrouble(args.Outcome)),
            });
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = timings.AttemptTimeout });
        });
        return client;
    }

    /// <summary>The provider refused without processing: 429 (Twilio 20429, ACS throttling).</summary>
    public static bool IsThrottled(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>The provider answered with a server error.</summary>
    public static bool IsServerError(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response && (int)response.StatusCode >= 500;

    /// <summary>No connection was made, so nothing reached the provider.</summary>
    public static bool IsConnectFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>The attempt timed out: the request may or may not have been processed.</summary>
    public static bool IsTimeout(Outcome<HttpResponseMessage> outcome) => outcome.Exception is TimeoutRejectedException;

    private static bool IsServiceTrouble(Outcome<HttpResponseMessage> outcome) =>
        IsServerError(outcome) || outcome.Exception is HttpRequestException or TimeoutRejectedException;
}
