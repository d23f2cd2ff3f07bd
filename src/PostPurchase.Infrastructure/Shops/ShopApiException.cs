namespace PostPurchase.Infrastructure.Shops;

/// <summary>A shop platform's API refused or failed a call; <see cref="RetryAfter"/> is set when it asked to wait (429).</summary>
public sealed class ShopApiException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public ShopApiException()
    {
    }

    /// <summary>Creates the exception with what the API answered.</summary>
    public ShopApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what the API answered and the cause.</summary>
    public ShopApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the API asked to wait, when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Throws a <see cref="ShopApiException"/> naming the API, its answer and, where <paramref name="hint"/> knows one for the
    /// status, what the merchant should check; unless the response succeeded.
    /// </summary>
    internal static async Task EnsureSuccessAsync(
        string api, HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken, Func<System.Net.HttpStatusCode, string?>? hint = null)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var advice = hint?.Invoke(response.StatusCode) is { } h ? $" {h}" : "";
        throw new ShopApiException($"{api} answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}{advice}")
        {
            RetryAfter = ShopApiRetry.RetryAfter(response, time),
        };
    }
}
