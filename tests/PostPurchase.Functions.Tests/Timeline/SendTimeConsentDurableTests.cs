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
        // The provider puts the first attempt off; the answer waits until the STOP is in.
        var (textTried, releaseText) = PutOffFirstShippedText(app, "429 Too Many Requests");
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

    [Fact]
    public async Task SendMessage_RetryMeetsQuietHours_TextScheduledForTheirEndNotSentAtNight()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var (textTried, releaseText) = PutOffFirstShippedText(app, "503 Service Unavailable");
        var zone = DaytimeZone();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow())
            .For(Some.Customer(timeZone: zone)).WithShipment("postnl", tracking).Build();
        await app.Workflows.StartAsync(order, CancellationToken.None);
        await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());
        var scan = new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", Time.GetUtcNow());
        await app.Ingress.AcceptAsync([scan], CancellationToken.None);
        await textTried.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // While the provider put the text off, the merchant's quiet hours now cover the rest of the buyer's day until 22:00.
        var late = new QuietHoursRule { EarliestHour = 22, LatestHour = 23 };
        var policy = TimelinePolicy.Default with { QuietHours = new QuietHoursPolicy { Default = late, Countries = new(StringComparer.OrdinalIgnoreCase) { ["NL"] = late } } };
        await app.Studio.SaveAsync(new PostPurchase.Core.Studio.StudioSettings { Policy = policy }, "test", "quiet until 22:00", null, CancellationToken.None);
        releaseText.SetResult();

        var saved = await app.SavedAsync(order.OrderId, "the shipped text scheduled again",
            s => s.State.Messages.Any(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms && m.Status == MessageStatus.Scheduled));
        var text = saved.State.Messages.Single(m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        var expected = QuietHours.NextAllowed(Time.GetUtcNow(), LocalTimes.Zone(zone), late, "NL");
        Assert.Equal(expected, text.ScheduledFor);
        Assert.True(saved.State.NextWakeAt <= expected);
        Assert.Single(app.Sms.Calls, c => c.Message.Intent == Intent.Shipped);
    }

    /// <summary>The SMS provider answers the first shipped text with a retry, once the test releases it; the first task says it was tried.</summary>
    private static (TaskCompletionSource Tried, TaskCompletionSource Release) PutOffFirstShippedText(DurableTimelineHost app, string error)
    {
        var tried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Sms.Before = async message =>
        {
            if (message.Intent == Intent.Shipped && tried.TrySetResult())
            {
                app.Sms.Next(new SendResult(SendOutcome.Retry, Error: error));
                await release.Task;
            }
        };
        return (tried, release);
    }

    /// <summary>A time zone where it is now daytime, so the decider releases the text at once (the backend's clock is real).</summary>
    private static string DaytimeZone() =>
        new[] { "Europe/Amsterdam", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai" }
            .First(zone => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour is >= 10 and <= 18);
}
