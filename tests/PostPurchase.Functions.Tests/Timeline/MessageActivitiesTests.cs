using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using static PostPurchase.Functions.Tests.Support.TimelineRuns;

namespace PostPurchase.Functions.Tests.Timeline;

public sealed class MessageActivitiesTests
{
    private static readonly FunctionContext Invocation = Mock.Of<FunctionContext>(c => c.CancellationToken == CancellationToken.None);
    private readonly FakeTimeProvider _time = new(Some.Monday);
    private readonly InMemoryReadModelStore _readModels = new();
    private readonly RecordingMerchantWebhooks _webhooks = new();

    [Fact]
    public async Task CommitDecision_TwoMessagesAndASignal_PublishesSendsEachOnceAndSavesTheRowsAsSent()
    {
        var (state, first, second) = TwoPendingEmails();
        var email = new RecordingSender(Channel.Email, _time);
        var signal = new MerchantSignal(SignalKind.MessageFailed, state.Order.OrderId, Some.Monday, new Dictionary<string, string>());

        var result = await Activities(email).CommitDecision(new CommitRequest(state, [first, second], [signal]), Invocation);

        Assert.Equal([first.Key, second.Key], email.Calls.Select(c => c.Message.Key));
        Assert.Equal([$"rec-{first.Key}", $"rec-{second.Key}"], result.Sends.Select(s => s.ProviderMessageId));
        Assert.Null(result.SignalError);
        Assert.Null(result.SaveError);
        Assert.Equal([signal], _webhooks.Published);
        var saved = _readModels.Snapshots[state.Order.OrderId];
        Assert.Same(state, saved.State);
        var row = saved.Messages.Single(r => r.Message.Key == second.Key);
        Assert.Equal(MessageStatus.Sent, row.Message.Status);
        Assert.Equal($"rec-{second.Key}", row.Message.ProviderMessageId);
        Assert.Equal(Some.Monday, row.Message.SentAt);
        Assert.NotNull(row.Subject);
    }

    [Fact]
    public async Task CommitDecision_SenderThrowsOnTheFirst_ReportsItForARetryAndStillSendsAndSavesTheRest()
    {
        var (state, first, second) = TwoPendingEmails();
        var email = new ThrowingOnce(first.Key, new RecordingSender(Channel.Email, _time));

        var result = await Activities(email).CommitDecision(new CommitRequest(state, [first, second], []), Invocation);

        Assert.Equal(SendOutcome.Retry, result.Sends[0].Outcome);
        Assert.Contains("connection reset", result.Sends[0].Error, StringComparison.Ordinal);
        Assert.Equal(SendOutcome.Sent, result.Sends[1].Outcome);
        var rows = _readModels.Snapshots[state.Order.OrderId].Messages;
        Assert.Equal(MessageStatus.Pending, rows.Single(r => r.Message.Key == first.Key).Message.Status);
        Assert.Equal(MessageStatus.Sent, rows.Single(r => r.Message.Key == second.Key).Message.Status);
    }

    [Fact]
    public async Task CommitDecision_ReadModelUnavailable_ReportsTheErrorBesideTheSendsInsteadOfThrowing()
    {
        var (state, first, _) = TwoPendingEmails();
        var email = new RecordingSender(Channel.Email, _time);
        var activities = new MessageActivities(new MemoryStudioSettings(), Links, [email], new UnavailableStore(), _webhooks, Ledger, _time);

        var result = await activities.CommitDecision(new CommitRequest(state, [first], []), Invocation);

        Assert.Equal(SendOutcome.Sent, Assert.Single(result.Sends).Outcome);
        Assert.Contains("storage is down", result.SaveError, StringComparison.Ordinal);
        Assert.Single(email.Calls);
    }

    [Fact]
    public async Task CommitDecision_DecidedWithAnOlderSettingsVersion_RefusesWithTheNewerPolicyAndDoesNothing()
    {
        var (state, first, _) = TwoPendingEmails();
        var email = new RecordingSender(Channel.Email, _time);
        var studio = new MemoryStudioSettings();
        await studio.SaveAsync(new StudioSettings { Policy = new TimelinePolicy { FatigueCapPerDay = 2 } }, "test", "cap 2", null, CancellationToken.None);
        var signal = new MerchantSignal(SignalKind.MessageFailed, state.Order.OrderId, Some.Monday, new Dictionary<string, string>());

        var result = await Activities(email, studio).CommitDecision(new CommitRequest(state, [first], [signal], SettingsVersion: null, CheckSettings: true), Invocation);

        Assert.Equal(1, result.Newer?.SettingsVersion);
        Assert.Equal(2, result.Newer!.FatigueCapPerDay);
        Assert.Empty(result.Sends);
        Assert.Empty(email.Calls);
        Assert.Empty(_webhooks.Published);
        Assert.False(_readModels.Snapshots.ContainsKey(state.Order.OrderId));
    }

    [Fact]
    public async Task CommitDecision_DecidedWithTheVersionInForce_SendsRenderedWithItsTemplates()
    {
        var (state, first, _) = TwoPendingEmails();
        var email = new RecordingSender(Channel.Email, _time);
        var studio = new MemoryStudioSettings();
        var key = $"order-confirmation.email.{first.Locale}.subject";
        await studio.SaveAsync(new StudioSettings { Templates = new Dictionary<string, string> { [key] = "Studio subject {{ order.number }}" } }, "test", "subject", null, CancellationToken.None);

        var result = await Activities(email, studio).CommitDecision(new CommitRequest(state, [first], [], SettingsVersion: 1, CheckSettings: true), Invocation);

        Assert.Null(result.Newer);
        Assert.StartsWith("Studio subject ", Assert.Single(email.Calls).Message.Content.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitDecision_EmailProviderHangs_TheTextGoesMeanwhileAndBothAreReportedInOrder()
    {
        var (emailed, first, _) = TwoPendingEmails();
        var state = emailed with { Consent = emailed.Consent with { Sms = true } };
        var text = first with { Key = $"{first.Key}-sms", Channel = Channel.Sms, To = "+31612345678" };
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var email = new RecordingSender(Channel.Email, _time) { Before = _ => held.Task };
        var sms = new RecordingSender(Channel.Sms, _time);
        var activities = new MessageActivities(new MemoryStudioSettings(), Links, [email, sms], _readModels, _webhooks, Ledger, _time);

        var commit = activities.CommitDecision(new CommitRequest(state, [first, text], []), Invocation);
        await Eventually.TrueAsync(() => !sms.Calls.IsEmpty, "the text while the email provider has not answered");
        Assert.False(commit.IsCompleted);
        held.SetResult();
        var result = await commit;

        Assert.Equal([$"rec-{first.Key}", $"rec-{text.Key}"], result.Sends.Select(s => s.ProviderMessageId));
    }

    [Fact]
    public async Task SendMessage_ProviderAsksToRetry_FailsTheAttemptSoTheRetryPolicyRuns()
    {
        var (state, first, _) = TwoPendingEmails();
        var email = new RecordingSender(Channel.Email, _time);
        email.Next(new SendResult(SendOutcome.Retry, Error: "429 Too Many Requests"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Activities(email).SendMessage(new SendMessageRequest(state, first), Invocation));

        Assert.Contains("429 Too Many Requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_RetryFallsInTheBuyersQuietHours_DefersToTheMorningWithoutCallingTheProvider()
    {
        var (emailed, first, _) = TwoPendingEmails();
        var state = emailed with { Consent = emailed.Consent with { Sms = true } };
        var text = first with { Key = $"{first.Key}-sms", Channel = Channel.Sms, To = "+31612345678", Purpose = MessagePurpose.Transactional };
        var sms = new RecordingSender(Channel.Sms, _time);
        var activities = new MessageActivities(new MemoryStudioSettings(), Links, [sms], _readModels, _webhooks, Ledger, _time);
        // Monday 9:00 in Amsterdam was the decision; the retry comes at 23:30 the same day.
        _time.Advance(TimeSpan.FromHours(14.5));

        var result = await activities.SendMessage(new SendMessageRequest(state, text), Invocation);

        Assert.Equal(SendOutcome.Deferred, result.Outcome);
        Assert.Equal(Some.Monday.AddDays(1).AddHours(-1), result.DeferredUntil);
        Assert.Empty(sms.Calls);
        var input = Assert.IsType<MessageSendDeferred>(Assert.Single(SendOutcomes.ToInputs(text, result)));
        Assert.Equal(text.Key, input.MessageKey);
    }

    [Fact]
    public async Task SendMessage_RunAgainAfterTheHostDiedMidSend_TellsTheSenderWhenTheLostAttemptBegan()
    {
        var (emailed, first, _) = TwoPendingEmails();
        var state = emailed with { Consent = emailed.Consent with { Sms = true } };
        var text = first with { Key = $"{first.Key}-sms", Channel = Channel.Sms, To = "+31612345678" };
        var sms = new RecordingSender(Channel.Sms, _time) { LooksUpSends = true };
        var activities = new MessageActivities(new MemoryStudioSettings(), Links, [sms], _readModels, _webhooks, Ledger, _time, new MemoryAttempts());
        await activities.SendMessage(new SendMessageRequest(state, text), Invocation);
        var began = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(5));

        await activities.SendMessage(new SendMessageRequest(state, text), Invocation);

        Assert.Equal([null, began], sms.Calls.Select(c => c.Message.LostAttemptAt));
    }

    [Fact]
    public async Task SendMessage_AnEarlierAttemptBeganAMinuteAgoAndNeverEnded_HeldBackWithoutAskingOrSending()
    {
        var (emailed, first, _) = TwoPendingEmails();
        var state = emailed with { Consent = emailed.Consent with { Sms = true } };
        var text = first with { Key = $"{first.Key}-sms", Channel = Channel.Sms, To = "+31612345678" };
        var sms = new RecordingSender(Channel.Sms, _time) { LooksUpSends = true };
        var attempts = new MemoryAttempts();
        // The Durable runtime runs the same send twice: the other run may still be on its way to Twilio.
        attempts.Began(state.Order.OrderId, text.Key, _time.GetUtcNow().AddMinutes(-1));
        var activities = new MessageActivities(new MemoryStudioSettings(), Links, [sms], _readModels, _webhooks, Ledger, _time, attempts);

        var held = await Assert.ThrowsAsync<InvalidOperationException>(() => activities.SendMessage(new SendMessageRequest(state, text), Invocation));
        _time.Advance(SendAttempt.UnderWayAtMost);
        await activities.SendMessage(new SendMessageRequest(state, text), Invocation);

        Assert.Contains("may still be under way", held.Message, StringComparison.Ordinal);
        var call = Assert.Single(sms.Calls);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-1) - SendAttempt.UnderWayAtMost, call.Message.LostAttemptAt);
    }

    /// <summary>A ledger with no consent change since the decision.</summary>
    private static IConsentLedger Ledger { get; } = new UnchangedLedger();

    private CustomerLinks Links => new("functions-tests-signing-key", "https://track.example", _time);

    private MessageActivities Activities(IChannelSender email, IStudioSettings? studio = null) =>
        new(studio ?? new MemoryStudioSettings(), Links, [email], _readModels, _webhooks, Ledger, _time);

    private static (TimelineState State, TimelineMessage First, TimelineMessage Second) TwoPendingEmails()
    {
        var order = OrderBuilder.Skincare().Build();
        var state = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Policy).State;
        var first = state.Messages.Single(m => m.Intent == Intent.OrderConfirmation && m.Status == MessageStatus.Pending);
        var second = first with { Key = MessageKey.Resend(first.Key, 1) };
        return (state with { Messages = [.. state.Messages, second] }, first, second);
    }

    private sealed class ThrowingOnce(string key, IChannelSender inner) : IChannelSender
    {
        public Channel Channel => inner.Channel;

        public string Provider => inner.Provider;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            message.Key == key ? throw new HttpRequestException("connection reset") : inner.SendAsync(message, cancellationToken);
    }

    private sealed class UnavailableStore : IOrderReadModelStore
    {
        public Task SaveAsync(OrderSnapshot snapshot, CancellationToken cancellationToken) => throw new Azure.RequestFailedException(503, "storage is down");

        public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) => Task.FromResult<OrderSnapshot?>(null);
    }

    private sealed class UnchangedLedger : IConsentLedger
    {
        public Task RecordAsync(string orderId, ConsentChanged change, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ConsentState> CurrentAsync(string orderId, ConsentState decided, CancellationToken cancellationToken) => Task.FromResult(decided);
    }

    private sealed class MemoryAttempts : ISendAttempts
    {
        private readonly Dictionary<string, (DateTimeOffset First, DateTimeOffset Last, bool Open)> _marks = new(StringComparer.Ordinal);

        public Task<SendAttempt> BeginAsync(string orderId, string messageKey, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var key = $"{orderId}|{messageKey}";
            if (!_marks.TryGetValue(key, out var mark))
            {
                _marks[key] = (now, now, true);
                return Task.FromResult(SendAttempt.First);
            }
            if (mark.Open && mark.Last > now - SendAttempt.UnderWayAtMost)
            {
                return Task.FromResult(new SendAttempt(mark.First, true));
            }
            _marks[key] = (mark.First, now, true);
            return Task.FromResult(new SendAttempt(mark.First, false));
        }

        public Task EndAsync(string orderId, string messageKey, CancellationToken cancellationToken)
        {
            var key = $"{orderId}|{messageKey}";
            _marks[key] = _marks[key] with { Open = false };
            return Task.CompletedTask;
        }

        /// <summary>An attempt that began at <paramref name="at"/> and never ended (its host is gone, or it still runs).</summary>
        public void Began(string orderId, string messageKey, DateTimeOffset at) => _marks[$"{orderId}|{messageKey}"] = (at, at, true);
    }
}
