using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineTimelineTests(AzuriteServer azurite)
{
    [Fact]
    public async Task DrainAsync_SkincareOrderFromPlacementToReview_SendsEachMessageOnceAtItsTime()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);

        var order = await engine.RunSkincareTimelineAsync(Some.Monday);

        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.True(snapshot.State.Completed);
        Assert.Equal(OrderStatus.Delivered, snapshot.State.Status);
        var emailed = engine.Email.Sent.Select(m => m.Intent).ToList();
        Assert.Equal([Intent.OrderConfirmation, Intent.Shipped, Intent.Delivered, Intent.CsatSurvey, Intent.ReviewRequest], emailed);
        Assert.Equal(engine.AllSent.Count, engine.AllSent.Select(m => m.Key).Distinct().Count());
        Assert.All(snapshot.Messages.Where(m => m.Message.Channel == Channel.Email),
            m => Assert.Equal(MessageStatus.Sent, m.Message.Status));
        var review = snapshot.Messages.Single(m => m.Message.Intent == Intent.ReviewRequest);
        Assert.Equal($"ReviewRequest {order.OrderId}", review.Subject);
        Assert.Equal(review.Message.ScheduledFor, review.Message.SentAt);
    }

    [Fact]
    public async Task DrainAsync_RealComposerAndLinks_MessagesRenderedWithTheBuyersSignedTrackingLink()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Some.Monday);
        var links = new PostPurchase.Infrastructure.Links.CustomerLinks("a-signing-key-for-engine-tests", "https://shop.example", time);
        var composer = new Core.Messages.MessageComposer(new Core.Messages.Branding { ShopName = "Dagelijks Goed" });
        await using var engine = EngineHarness.Create(azurite.ConnectionString, time: time, configure: o => new Infrastructure.Runtime.EngineOptions
        {
            Render = (message, state) => composer.Compose(message, state, links.For(state.Order.OrderId)),
            InputRetryDelay = TimeSpan.Zero,
        });

        var order = await engine.RunSkincareTimelineAsync(Some.Monday);

        var confirmation = engine.Email.Sent.Single(m => m.Intent == Intent.OrderConfirmation);
        Assert.Contains(order.OrderId, confirmation.Content.Subject, StringComparison.Ordinal);
        Assert.Contains("Dagelijks Goed", confirmation.Content.Html, StringComparison.Ordinal);
        Assert.Contains("https://shop.example/track/", confirmation.Content.Text, StringComparison.Ordinal);
        Assert.Equal("nl", confirmation.Locale);
        Assert.Contains(engine.Email.Sent, m => m.Intent == Intent.ReviewRequest);
        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Equal(confirmation.Content.Subject, snapshot!.Messages.Single(m => m.Message.Key == confirmation.Key).Subject);
    }

    [Fact]
    public async Task StartAsync_SameOrderTwice_SecondReturnsExistingAndSendsNoSecondConfirmation()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();

        var first = await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var second = await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(order.OrderId, second.Snapshot.State.Order.OrderId);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.OrderConfirmation);
        Assert.Equal(MessageStatus.Sent, second.Snapshot.Messages.Single(m => m.Message.Intent == Intent.OrderConfirmation).Message.Status);
    }

    [Fact]
    public async Task RaiseAsync_UnknownOrder_ReturnsFalse()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);

        var raised = await engine.Workflows.RaiseAsync(Some.OrderId(), new ReviewLinkUsed(), CancellationToken.None);

        Assert.False(raised);
    }

    [Fact]
    public async Task GetAsync_UnknownOrder_ReturnsNull()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);

        Assert.Null(await engine.Workflows.GetAsync(Some.OrderId(), CancellationToken.None));
    }
}
