namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Whether the runtime takes more work now: intake and webhooks ask before they store anything.</summary>
public interface IAdmission
{
    /// <summary>Null when the work may come in; otherwise how long the caller should wait before trying again.</summary>
    TimeSpan? RetryAfter();
}
