using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class SecurityTests(PagesHost host) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Page_ForgedToken_Plain404RevealingNothing(string token)
    {
        using var response = await _http.GetAsync(new Uri($"{host.BaseUrl}/track/{token}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("This link is not valid or has expired.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("PP-", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_TamperedToken_404()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);
        var url = host.TrackingUrl(order.OrderId);
        var tampered = url[..^2] + (url[^2] == 'A' ? "B" : "A") + url[^1];

        using var ok = await _http.GetAsync(new Uri(url));
        using var bad = await _http.GetAsync(new Uri(tampered));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task Page_ExpiredToken_404()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);
        var shortLived = new CustomerLinks("pages-test-signing-key-0123456789", host.BaseUrl, host.Clock, TimeSpan.FromHours(1));
        var url = shortLived.For(order.OrderId).TrackingUrl;
        using var fresh = await _http.GetAsync(new Uri(url));

        await host.AdvanceAsync(TimeSpan.FromHours(2));
        using var expired = await _http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task Cancel_WithoutAntiforgeryToken_RejectedAndOrderUnchanged()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes", ["lang"] = "en" });

        using var response = await _http.PostAsync(new Uri($"{host.TrackingUrl(order.OrderId)}/cancel"), form);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Confirmed, (await host.SnapshotAsync(order.OrderId)).State.Status);
    }

    [Fact]
    public async Task Page_SecurityHeaders_NoCacheNoFramingStrictScripts()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);

        using var response = await _http.GetAsync(new Uri(host.TrackingUrl(order.OrderId)));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public void Dispose() => _http.Dispose();
}
