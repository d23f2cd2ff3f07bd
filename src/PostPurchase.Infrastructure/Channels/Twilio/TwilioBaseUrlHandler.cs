namespace PostPurchase.Infrastructure.Channels.Twilio;

/// <summary>
/// Points the Twilio SDK's requests (always built for https://api.twilio.com) at the configured
/// <c>PostPurchase:Twilio:BaseUrl</c>: only the scheme, host and port change, so a local stub sees the exact request Twilio would.
/// </summary>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri)
        {
            var rewritten = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port };
            var prefix = baseUrl.AbsolutePath.TrimEnd('/');
            if (prefix.Length > 0)
            {
                rewritten.Path = prefix + uri.AbsolutePath;
            }
            request.RequestUri = rewritten.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
