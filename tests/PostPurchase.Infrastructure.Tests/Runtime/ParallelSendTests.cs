using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>One provider's slowness stays its own: the messages of one decision go out side by side.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ParallelSendTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DispatchAsync_EmailProviderNeverAnswersWhileTheTextWaitsBehindIt_TextSentAnyway()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        using var release = new ManualResetEventSlim();
        engine.Email.Next(_ =>
        {
            release.Wait(Patience);
            return SendResult.Sent("acs-op-1");
        });

        await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, engine.Time.GetUtcNow())], CancellationToken.None);
        var drain = engine.Runtime.DrainAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => engine.Sms.Sent.Any(m => m.Intent == Intent.Shipped), "the text, which must not wait for the email's provider", seconds: 10);
        var emailStillOpen = !drain.IsCompleted;
        release.Set();
        await drain;

        Assert.True(emailStillOpen);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.Shipped);
    }
}
