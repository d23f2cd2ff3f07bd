using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Timeline;

/// <summary>
/// Commits decisions for the orchestrator: one <see cref="MessageActivities.CommitDecision"/> call per decision, and only for
/// what it could not do, the single-step activities under the retry policy (a send the provider put off, a signal, the save).
/// </summary>
internal sealed partial class DecisionCommits(TaskOrchestrationContext context, ILogger log, ActivityRetry retry)
{
    /// <summary>
    /// Commits one decision made with <paramref name="policy"/>; returns the inputs its send results make for the decider, and whether
    /// the read model shows them all. With <paramref name="checkSettings"/>, a newer studio settings version refuses the commit
    /// (nothing done) and comes back as <c>Newer</c>, so the caller decides again with it.
    /// </summary>
    public async Task<(IReadOnlyList<TimelineInput> Outcomes, bool Saved, TimelinePolicy? Newer)> CommitAsync(
        TimelineState state, IReadOnlyList<TimelineMessage> send, IReadOnlyList<MerchantSignal> signals, TimelinePolicy policy, bool checkSettings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CommitResult result;
        try
        {
            // No retry policy: the activity reports failures instead of throwing, and a retry of it as a whole would send again.
            result = await context.CallActivityAsync<CommitResult>(nameof(MessageActivities.CommitDecision), new CommitRequest(state, send, signals, policy.SettingsVersion, checkSettings));
        }
        catch (TaskFailedException ex)
        {
            LogActivityFailed(log, context.InstanceId, nameof(MessageActivities.CommitDecision), ex.FailureDetails.ErrorMessage);
            var error = $"The commit failed: {ex.FailureDetails.ErrorMessage}";
            result = new CommitResult([.. send.Select(_ => new SendResult(SendOutcome.Retry, Error: error))], error, error);
        }
        if (result.Newer is { } newer)
        {
            return ([], true, newer);
        }

        if (result.SignalError is not null)
        {
            foreach (var signal in signals)
            {
                // Publishing a signal again sends nothing new; the webhook publisher keeps its own log.
                await CallLoggedAsync(nameof(SignalActivities.PublishSignal), signal);
            }
        }
        var outcomes = new List<TimelineInput>();
        var retried = false;
        for (var i = 0; i < send.Count; i++)
        {
            var sent = i < result.Sends.Count ? result.Sends[i] : new SendResult(SendOutcome.Retry, Error: "No result was reported.");
            if (sent.Outcome != SendOutcome.Retry)
            {
                outcomes.AddRange(SendOutcomes.ToInputs(send[i], sent));
                continue;
            }
            if (retry.MaxAttempts <= 1)
            {
                outcomes.Add(new MessageStatusChanged(send[i].Key, MessageStatus.Failed, Error: $"Not sent after every retry: {sent.Error}"));
                continue;
            }
            if (!retried)
            {
                // The commit was the first attempt: wait the policy's first interval before the next, as the retry policy would.
                await context.CreateTimer(context.CurrentUtcDateTime.Add(retry.FirstInterval), CancellationToken.None);
                retried = true;
            }
            outcomes.AddRange(await SendAsync(state, send[i]));
        }
        // Rows written by the commit show its own send results; a result that came later is only in the state, which must be saved.
        return (outcomes, result.SaveError is null && !result.Sends.Any(r => r.Outcome == SendOutcome.Retry), null);
    }

    /// <summary>Saves the read model with the retry policy; a save that fails after every retry is logged and the next one catches up.</summary>
    public Task SaveAsync(TimelineState state) => CallLoggedAsync(nameof(MessageActivities.SaveReadModel), state);

    private TaskOptions RemainingAttempts => (retry with { MaxAttempts = Math.Max(1, retry.MaxAttempts - 1) }).ToTaskOptions();

    private async Task<IReadOnlyList<TimelineInput>> SendAsync(TimelineState state, TimelineMessage message)
    {
        try
        {
            var result = await context.CallActivityAsync<SendResult>(
                nameof(MessageActivities.SendMessage), new SendMessageRequest(state, message), RemainingAttempts);
            return SendOutcomes.ToInputs(message, result);
        }
        catch (TaskFailedException ex)
        {
            var error = ex.FailureDetails.ErrorMessage;
            LogSendFailed(log, context.InstanceId, message.Key, error);
            return [new MessageStatusChanged(message.Key, MessageStatus.Failed, Error: $"Not sent after every retry: {error}")];
        }
    }

    private async Task CallLoggedAsync(string activity, object? input)
    {
        try
        {
            await context.CallActivityAsync(activity, input, retry.ToTaskOptions());
        }
        catch (TaskFailedException ex)
        {
            LogActivityFailed(log, context.InstanceId, activity, ex.FailureDetails.ErrorMessage);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId}: {Activity} failed after every retry: {Error}")]
    private static partial void LogActivityFailed(ILogger logger, string instanceId, string activity, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} could not send {MessageKey}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string instanceId, string messageKey, string error);
}
