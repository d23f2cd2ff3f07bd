namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>An ACS connection string: <c>endpoint=https://x.communication.azure.com/;accesskey=BASE64</c>, or just the endpoint (managed identity).</summary>
internal sealed record AcsConnectionString(Uri Endpoint, byte[]? AccessKey)
{
    /// <summary>Parses the string; errors name the problem, never the key.</summary>
    public static AcsConnectionString Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new FormatException("PostPurchase:Email:ConnectionString is empty; ACS needs endpoint=https://<resource>.communication.azure.com/;accesskey=<key> (or only the endpoint with managed identity).");
        }
        string? endpoint = null;
        string? accessKey = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var setting = equals < 0 ? "" : part[(equals + 1)..];
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = setting;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                accessKey = setting;
            }
            else if (!part.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !part.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"PostPurchase:Email:ConnectionString has an unknown part '{name}'; expected endpoint and accesskey.");
            }
            else
            {
                endpoint = part;
            }
        }
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException("PostPurchase:Email:ConnectionString has no valid endpoint=https://<resource>.communication.azure.com/.");
        }
        byte[]? key = null;
        if (!string.IsNullOrEmpty(accessKey))
        {
            key = new byte[accessKey.Length];
            if (!Convert.TryFromBase64String(accessKey, key, out var written))
            {
                throw new FormatException("PostPurchase:Email:ConnectionString has an accesskey that is not base64 (copy it from the ACS resource's Keys page).");
            }
            key = key[..written];
        }
        return new AcsConnectionString(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute), key);
    }

    /// <summary>The endpoint without a trailing slash, e.g. <c>https://x.communication.azure.com</c>.</summary>
    public string BaseUrl => Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"endpoint={BaseUrl};accesskey={(AccessKey is null ? "(managed identity)" : "***")}";
}
