using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineWhatsAppWindowTests(AzuriteServer azurite)
{
    private static Order WhatsAppOrder(string tracking) =>
        OrderBuilder.Apparel().PlacedAt(Some.Monday).WithConsent(new ConsentGrant(Sms: false, WhatsApp: true)).WithShipment("postnl", tracking).Build();

    [Fact]
    public async Task Dispatch_BuyerWroteOnWhatsAppWithin24Hours_WindowOpenOnlyUntilThen()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = WhatsAppOrder(tracking);
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        await engine.RunUntilAsync(Some.Monday.AddHours(1));
        await engine.Workflows.RaiseAsync(order.OrderId, new CustomerReplied("whatsapp", "Can it come before Friday?", "SMin1"), CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        await engine.RunUntilAsync(Some.Monday.AddHours(2));
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(2))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        await engine.RunUntilAsync(Some.Monday.AddHours(26));
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.OutForDelivery, Some.Monday.AddHours(26))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var shipped = Assert.Single(engine.WhatsApp.Sent, m => m.Intent == Intent.Shipped);
        var outForDelivery = Assert.Single(engine.WhatsApp.Sent, m => m.Intent == Intent.OutForDelivery);
        Assert.True(shipped.WhatsAppWindowOpen);
        Assert.False(outForDelivery.WhatsAppWindowOpen);
        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Equal(new CustomerReply(Channel.WhatsApp, "Can it come before Friday?", Some.Monday.AddHours(1), "SMin1"), Assert.Single(snapshot!.State.Replies));
    }

    [Fact]
    public async Task Dispatch_BuyerNeverWrote_WindowClosed()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = WhatsAppOrder(tracking);
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        await engine.RunUntilAsync(Some.Monday.AddHours(2));
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(2))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.False(Assert.Single(engine.WhatsApp.Sent, m => m.Intent == Intent.Shipped).WhatsAppWindowOpen);
    }
}
