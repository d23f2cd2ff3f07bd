using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>The send activity's last look: a STOP accepted while the orchestration is busy sending wins over the text after it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendTimeConsentDurableTests(AzuriteServer azurite)
{
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task SendMessage_StopAcceptedWhileTheEmailBeforeTheTextIsStillSending_TextSuppressedAndRecorded()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var emailSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseEmail = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Email.Before = async message =>
        {
            if (message.Intent == Intent.Shipped)
            {
                emailSending.TrySetResult();
                await releaseEmail.Task;
            }
        };
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow())
            .For(Some.Customer(timeZone: DaytimeZone())).WithShipment("postnl", tracking).Build();
        await app.Workflows.StartAsync(order, CancellationToken.None);
        await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());

        var scan = new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", Time.GetUtcNow());
        await app.Ingress.AcceptAsync([scan], CancellationToken.None);
        await emailSending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.Workflows.RaiseAsync(order.OrderId, new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), CancellationToken.None);
        releaseEmail.SetResult();

        var saved = await app.SavedAsync(order.OrderId, "the shipped text recorded as suppressed",
            s => s.State.Messages.Any(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms && m.Status == MessageStatus.Suppressed));
        Assert.Empty(app.Sms.Sent(Intent.Shipped));
        var text = saved.State.Messages.Single(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        Assert.Equal(SuppressionReason.OptedOut, text.Reason);
        Assert.True(saved.State.Consent.SmsOptedOut);
    }

    /// <summary>A time zone where it is now daytime, so the decider releases the text at once (the backend's clock is real).</summary>
    private static string DaytimeZone() =>
        new[] { "Europe/Amsterdam", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai" }
            .First(zone => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour is >= 10 and <= 18);
}
