using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>Inputs that arrive after an order's timeline completed are still recorded, and a merchant's resend still goes out.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompletedTimelineDurableTests(AzuriteServer azurite)
{
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task RaiseAsync_ResendAndClickAfterTheTimelineCompleted_ResendSentAndClickRecorded()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).Build();
        await app.Workflows.StartAsync(order, CancellationToken.None);
        await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());
        await app.Workflows.RaiseAsync(order.OrderId, new OrderCancelled("merchant"), CancellationToken.None);
        var completed = await app.SavedAsync(order.OrderId, "the cancelled timeline completed", s => s.State.Completed);
        await CompletedAsync(app, order.OrderId, "the instance completed");
        var cancellation = completed.State.Messages.Single(m => m.Intent == Intent.CancellationConfirmed && m.Channel == Channel.Email);
        await EventuallyAsync("the cancellation email", () => app.Email.Sent(Intent.CancellationConfirmed).SingleOrDefault());

        // The buyer says the cancellation email never came: the merchant resends it from the dashboard.
        await app.Workflows.RaiseAsync(order.OrderId, new MessageResendRequested(cancellation.Key, "dashboard") { RequestId = "resend-1" }, CancellationToken.None);
        await EventuallyAsync("the resend", () => app.Email.Sent(Intent.CancellationConfirmed).Skip(1).FirstOrDefault());
        await app.SavedAsync(order.OrderId, "the resend recorded and the timeline completed again",
            s => s.State.Completed && s.State.Messages.Any(m => MessageKey.IsResend(m.Key) && m.Status == MessageStatus.Sent));
        await CompletedAsync(app, order.OrderId, "the instance completed again");
        await app.Workflows.RaiseAsync(order.OrderId, new LinkClicked(null, "cta"), CancellationToken.None);

        var saved = await app.SavedAsync(order.OrderId, "the click recorded", s => s.State.Clicks.Any(c => c.Link == "cta"));
        Assert.True(saved.State.Completed);
        // The original keeps the status its send left it in, in the state the instance went on from and in the rows.
        Assert.Equal(MessageStatus.Sent, saved.State.Messages.Single(m => m.Key == cancellation.Key).Status);
        Assert.Equal(MessageStatus.Sent, saved.Messages.Single(m => m.Message.Key == cancellation.Key).Message.Status);
        Assert.Equal(2, app.Email.Sent(Intent.CancellationConfirmed).Count());
    }

    private static Task<Microsoft.DurableTask.Client.OrchestrationMetadata> CompletedAsync(DurableTimelineHost app, string orderId, string what) =>
        EventuallyAsync(what, async () => await app.Client.GetInstanceAsync(PostPurchase.Functions.Workflows.OrderInstance.IdFor(orderId), false)
            is { RuntimeStatus: Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed } done ? done : null);
}
