using System.Net.Http.Headers;
using Azure.Core;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>Signs each attempt (inside the retry, so every retry carries a fresh date) with HMAC-SHA256 or an Entra ID bearer token.</summary>
internal sealed class AcsAuthenticationHandler(AcsCredentials credentials, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("An ACS request needs an absolute URI.");
        if (credentials.Connection.AccessKey is { } key)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var date = AcsRequestSigner.Date(time.GetUtcNow());
            var hash = AcsRequestSigner.ContentHash(body);
            request.Headers.Remove("x-ms-date");
            request.Headers.Remove("x-ms-content-sha256");
            request.Headers.TryAddWithoutValidation("x-ms-date", date);
            request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(
                AcsRequestSigner.Authorization(key, request.Method.Method, uri.PathAndQuery, date, uri.Authority, hash));
        }
        else
        {
            var token = await credentials.TokenCredential
                .GetTokenAsync(new TokenRequestContext([AcsCredentials.Scope]), cancellationToken)
                .ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
