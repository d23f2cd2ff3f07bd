using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Consent changes as accepted, for a send that may run before the workflow applied them.</summary>
public interface IConsentLedger
{
    /// <summary>Keeps <paramref name="change"/> as the subject's latest change, accepted at <paramref name="at"/>.</summary>
    Task RecordAsync(string orderId, ConsentChanged change, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The consent the workflow decided with, with every change accepted after it applied.</summary>
    Task<ConsentState> CurrentAsync(string orderId, ConsentState decided, CancellationToken cancellationToken);
}
