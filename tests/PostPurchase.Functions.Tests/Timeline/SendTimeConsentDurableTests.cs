using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>The send activity's last look: a STOP accepted after a text was decided wins over the text's next attempt.</summary>
/// <remarks>A decision's channels go side by side, so the window between deciding and sending is a provider that put the text off.</remarks>
[Collection(AzuriteCollection.Name)]
public sealed class SendTimeConsentDurableTests(AzuriteServer azurite)
{
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task SendMessage_StopAcceptedWhileTheTextWaitsForItsRetry_TextSuppressedAndRecorded()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var textTried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseText = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Sms.Before = async message =>
        {
            if (message.Intent == Intent.Shipped && textTried.TrySetResult())
            {
                // The provider puts the first attempt off; the answer waits until the STOP is in.
                app.Sms.Next(new SendResult(SendOutcome.Retry, Error: "429 Too Many Requests"));
                await releaseText.Task;
            }
        };
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow())
            .For(Some.Customer(timeZone: DaytimeZone())).WithShipment("postnl", tracking).Build();
        await app.Workflows.StartAsync(order, CancellationToken.None);
        await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());

        var scan = new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", Time.GetUtcNow());
        await app.Ingress.AcceptAsync([scan], CancellationToken.None);
        await textTried.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.Workflows.RaiseAsync(order.OrderId, new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), CancellationToken.None);
        releaseText.SetResult();

        // The retry's suppression is saved with the shipped input, the STOP with the next one.
        var saved = await app.SavedAsync(order.OrderId, "the shipped text suppressed and the STOP recorded",
            s => s.State.Consent.SmsOptedOut && s.State.Messages.Any(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms && m.Status == MessageStatus.Suppressed));
        Assert.Single(app.Sms.Sent(Intent.Shipped));
        var text = saved.State.Messages.Single(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        Assert.Equal(SuppressionReason.OptedOut, text.Reason);
    }

    /// <summary>A time zone where it is now daytime, so the decider releases the text at once (the backend's clock is real).</summary>
    private static string DaytimeZone() =>
        new[] { "Europe/Amsterdam", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai" }
            .First(zone => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour is >= 10 and <= 18);
}
