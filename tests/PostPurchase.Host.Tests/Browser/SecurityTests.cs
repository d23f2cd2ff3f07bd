using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class SecurityTests(PagesHost host) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

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

    public void Dispose() => _http.Dispose();
}
