using System.Net;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

/// <summary>Admission control: past the backlog bound, intake and carrier webhooks answer 503 with Retry-After and store nothing.</summary>
[Collection(HostCollection.Name)]
public sealed class AdmissionTests(AzuriteServer azurite)
{
    // A bound of zero refuses everything: the saturated engine, made deterministic.
    private static readonly Dictionary<string, string> Saturated = new() { ["PostPurchase:MaxBacklog"] = "0" };

    [Fact]
    public async Task PlaceOrder_BacklogPastTheBound_Returns503WithRetryAfterAndStoresNothing()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Saturated);
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();

        var response = await app.Merchant().PostAsync("/api/orders", Json.Intake(order));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Merchant().GetAsync($"/api/orders/{order.OrderId}")).StatusCode);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_BacklogPastTheBound_Returns503WithRetryAfter()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Saturated);

        var response = await app.Anonymous().SendAsync(
            CarrierPayloads.Build("generic", Some.TrackingNumber(), TrackingStatus.InTransit, HostApp.Start, Some.EventId()).ToRequest());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task PlaceOrder_BacklogUnderTheBound_Accepted()
    {
        await using var app = new HostApp(azurite.ConnectionString);

        var response = await app.Merchant().PostAsync("/api/orders", Json.Intake(OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
