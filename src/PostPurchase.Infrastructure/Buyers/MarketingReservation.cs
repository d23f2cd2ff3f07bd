using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>
/// Decides; when that hands out marketing, reserves it in the buyer's profile (the weekly cap across their orders) and decides
/// again with the buyer's fresh activity, so the decider itself never reads storage.
/// </summary>
internal static class MarketingReservation
{
    public static async Task<Decision> DecideAsync(
        Func<TimelineState?, TimelineInput, DateTimeOffset, TimelinePolicy, Decision> decide, IBuyerProfiles? buyers,
        TimelineState? state, TimelineInput input, DateTimeOffset now, TimelinePolicy policy, CancellationToken cancellationToken)
    {
        var decision = decide(state, input, now, policy);
        if (buyers is null || state?.Buyer is not { } buyer || MarketingLedger.Wanted(decision, now) is not { Count: > 0 } wanted)
        {
            return decision;
        }
        var activity = await buyers.ReserveAsync(buyer.Key, wanted, now, policy.Growth, cancellationToken).ConfigureAwait(false);
        return decide(OrderTimeline.WithBuyerActivity(state, activity), input, now, policy);
    }
}
