using CsCheck;
using NodaTime;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Timeline.Properties;

public class OrderTimelinePropertyTests
{
    // POSTPURCHASE_PROPERTY_ITERATIONS raises the count for a longer hunt (e.g. before a release).
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("POSTPURCHASE_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 300;

    private static void ForAll(Action<TimelineScenario, List<Step>> property) =>
        TimelineGen.Scenario.Sample(scenario => property(scenario, ScenarioRunner.Run(scenario)), iter: Iterations, threads: 1);

    private static IEnumerable<(Step Step, TimelineMessage Message)> Sent(List<Step> steps) =>
        steps.SelectMany(s => s.Decision.Messages.Where(m => m.Status == MessageStatus.Pending).Select(m => (s, m)));

    [Fact]
    public void Decide_AnyInputs_NeverTheSameIntentTwiceOnAChannelPerParcel() => ForAll((_, steps) =>
    {
        // Resends repeat a message on purpose; everything else goes once.
        var repeated = Sent(steps).Where(x => !MessageKey.IsResend(x.Message.Key)).GroupBy(x => (x.Message.Intent, x.Message.Channel, x.Message.ParcelKey)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    });

    [Fact]
    public void Decide_AnyInputs_NeverTextsWithoutConsentOrAfterStop() => ForAll((_, steps) =>
    {
        foreach (var (step, message) in Sent(steps).Where(x => x.Message.Channel != Channel.Email))
        {
            var consented = message.Channel == Channel.Sms ? step.Model.Sms : step.Model.WhatsApp;
            Assert.True(consented, $"{message.Key} sent at {step.Now:o} without {message.Channel} consent");
            Assert.True(message.Purpose == MessagePurpose.Transactional || step.Model.Marketing, $"{message.Key} sent without marketing consent");
            Assert.False(string.IsNullOrEmpty(message.To));
        }
    });

    [Fact]
    public void Decide_AnyInputs_NeverTextsInQuietHours() => ForAll((scenario, steps) =>
    {
        var (zoneId, country) = ScenarioRunner.Zones[scenario.Setup.Zone];
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var france = country == "FR";
        foreach (var (step, message) in Sent(steps).Where(x => x.Message.Channel != Channel.Email))
        {
            var local = Instant.FromDateTimeOffset(step.Now).InZone(zone).LocalDateTime;
            Assert.True(local.Hour >= 8 && local.Hour < (france ? 22 : 21), $"{message.Key} sent at {local} local");
            Assert.False(france && (local.DayOfWeek == IsoDayOfWeek.Sunday || PublicHolidays.IsHoliday("FR", local.Date)), $"{message.Key} sent on {local.Date}");
        }
    });

    [Fact]
    public void Decide_AnyInputs_NeverReviewAfterCancelReturnRefundOrLowCsat() => ForAll((_, steps) =>
    {
        foreach (var (step, message) in Sent(steps).Where(x => x.Message.Intent is Intent.ReviewRequest or Intent.ReviewReminder))
        {
            Assert.False(step.Model.Closed, $"{message.Key} sent after the order was closed");
            Assert.False(step.Model.LowCsat, $"{message.Key} sent after a low CSAT");
        }
    });

    [Fact]
    public void Decide_AnyInputs_NeverMoreNonEssentialUpdatesADayThanTheCap() => ForAll((scenario, steps) =>
    {
        var zone = DateTimeZoneProviders.Tzdb[ScenarioRunner.Zones[scenario.Setup.Zone].Zone];
        // Resends are the merchant's explicit request and exempt from the cap; an update counts once whatever its channels.
        var updates = Sent(steps).Where(x => !x.Message.Essential && !MessageKey.IsResend(x.Message.Key))
            .DistinctBy(x => MessageKey.UpdateOf(x.Message.Key))
            .Select(x => (Day: Instant.FromDateTimeOffset(x.Step.Now).InZone(zone).Date, x.Message))
            .ToList();
        foreach (var day in updates.GroupBy(u => u.Day))
        {
            // News about the order counts only news about the order: marketing never holds it back.
            var transactional = day.Count(u => u.Message.Purpose == MessagePurpose.Transactional);
            Assert.True(transactional <= scenario.Setup.Cap, $"{transactional} order updates on {day.Key}, cap {scenario.Setup.Cap}");
            var before = 0;
            foreach (var (_, message) in day)
            {
                Assert.True(message.Purpose == MessagePurpose.Transactional || before < scenario.Setup.Cap, $"{message.Key} went out after {before} updates on {day.Key}, cap {scenario.Setup.Cap}");
                before++;
            }
        }
    });

    [Fact]
    public void Decide_AnyInputs_WakeAtAfterNowUnlessCompleted() => ForAll((_, steps) =>
    {
        foreach (var step in steps)
        {
            var d = step.Decision;
            if (d.Completed)
            {
                Assert.Null(d.WakeAt);
                Assert.DoesNotContain(d.State.Messages, m => m.Status == MessageStatus.Scheduled);
            }
            else if (d.WakeAt is { } wake)
            {
                Assert.True(wake > step.Now, $"wake {wake:o} not after now {step.Now:o}");
            }
            Assert.All(d.State.Messages.Where(m => m.Status == MessageStatus.Scheduled), m => Assert.True(m.ScheduledFor > step.Now));
        }
    });

    [Fact]
    public void Decide_AnyInputs_DeterministicEvenWhenStateIsStoredAsJsonBetweenInputs() => ForAll((scenario, steps) =>
    {
        var again = ScenarioRunner.Run(scenario, roundTrip: true);
        Assert.Equal(steps.Select(s => StateJson.Of(s.Decision)), again.Select(s => StateJson.Of(s.Decision)));
    });

    [Fact]
    public void Decide_AnyInputAppliedTwice_SecondChangesNothingAndSendsNothing() => ForAll((scenario, steps) =>
    {
        var policy = ScenarioRunner.PolicyFor(scenario.Setup);
        foreach (var step in steps.Skip(1))
        {
            var twice = OrderTimeline.Decide(step.Decision.State, step.Input, step.Now, policy);
            Assert.Empty(twice.Messages);
            Assert.Empty(twice.Signals);
            Assert.Equal(StateJson.Of(step.Decision.State with { Version = 0 }), StateJson.Of(twice.State with { Version = 0 }));
        }
    });

    [Fact]
    public void Decide_AnyInputs_EachInboundMessageKeptOnceAndWindowFollowsLastWhatsAppReply() => ForAll((_, steps) =>
    {
        foreach (var state in steps.Select(s => s.Decision.State))
        {
            var ids = state.Replies.Where(r => r.ProviderMessageId is not null).Select(r => r.ProviderMessageId).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            var lastWhatsApp = state.Replies.Where(r => r.Channel == Channel.WhatsApp).Select(r => (DateTimeOffset?)r.At).Max();
            Assert.Equal(lastWhatsApp, state.WhatsAppWindowOpenedAt);
        }
        foreach (var step in steps.Where(s => s.Input is CustomerReplied { ProviderMessageId: not null }))
        {
            var input = (CustomerReplied)step.Input;
            var isNew = !step.Before.Replies.Any(r => r.ProviderMessageId == input.ProviderMessageId);
            Assert.Equal(step.Before.Replies.Count + (isNew ? 1 : 0), step.Decision.State.Replies.Count);
            Assert.Contains(step.Decision.State.Replies, r => r.ProviderMessageId == input.ProviderMessageId && r.Text == (isNew ? input.Text : r.Text));
        }
    });

    [Fact]
    public void Run_RandomScenarios_ReachTheInterestingParts()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        TimelineGen.Scenario.Sample(scenario =>
        {
            foreach (var (_, message) in Sent(ScenarioRunner.Run(scenario)))
            {
                lock (reached)
                {
                    reached.Add(message.Channel == Channel.Email ? message.Intent.ToString() : $"text:{message.Intent}");
                    if (MessageKey.IsResend(message.Key))
                    {
                        reached.Add("resend");
                    }
                }
            }
        }, iter: Iterations, threads: 1, seed: "0N0XIzNsQ0O2");
        // Without these the properties above would hold trivially.
        Assert.Contains(nameof(Intent.ReviewRequest), reached);
        Assert.Contains(nameof(Intent.CsatSurvey), reached);
        Assert.Contains(nameof(Intent.CancellationConfirmed), reached);
        Assert.Contains("text:" + nameof(Intent.OutForDelivery), reached);
        Assert.Contains(nameof(Intent.DelayOverdue), reached);
        Assert.Contains("resend", reached);
    }
}
