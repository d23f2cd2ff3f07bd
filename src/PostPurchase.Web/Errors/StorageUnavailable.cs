using System.Globalization;
using System.Net.Sockets;
using Azure;

namespace PostPurchase.Web.Errors;

/// <summary>
/// Recognises a request that failed because storage did not answer (unreachable, timing out, throttling, failing on its side),
/// so it is refused with 503 and Retry-After, which shops, carriers and providers retry, instead of a 500 that reads as a bug.
/// </summary>
internal static class StorageUnavailable
{
    /// <summary>How long a caller is asked to wait before sending the request again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string Title = "Storage unavailable";

    public static string Detail => string.Create(CultureInfo.InvariantCulture,
        $"Storage did not answer, so the request was not accepted. Send it again in {RetryAfter.TotalSeconds:F0} s (Retry-After); sending it twice is safe.");

    /// <summary>True when <paramref name="exception"/> means storage did not answer, not that the request or the code was wrong.</summary>
    public static bool Is(Exception exception, CancellationToken requestAborted) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or TimeoutException or SocketException or IOException => true,
        // The storage client's own network timeout; a cancellation by the caller is not an outage.
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e, requestAborted)),
        _ => false,
    };

    /// <summary>Sets Retry-After on the response being written.</summary>
    public static void AskToRetry(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
    }
}
