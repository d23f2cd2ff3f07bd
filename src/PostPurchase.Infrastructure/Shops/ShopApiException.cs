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

    /// <summary>Throws a <see cref="ShopApiException"/> naming the API and its answer unless the response succeeded.</summary>
    internal static async Task EnsureSuccessAsync(string api, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new ShopApiException($"{api} answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}")
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }
}
