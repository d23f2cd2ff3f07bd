using Microsoft.Azure.Functions.Worker;
using PostPurchase.Core.Growth;
using PostPurchase.Infrastructure.Buyers;

namespace PostPurchase.Functions.Timeline;

/// <summary>The buyer's profile across orders as the orchestration reaches it: reserving marketing under the weekly cap.</summary>
public sealed class BuyerActivities(IBuyerProfiles profiles)
{
    /// <summary>Reserves what a decision wants to send and returns the buyer's fresh activity; a retry finds its own reservation.</summary>
    [Function(nameof(ReserveMarketing))]
    public Task<BuyerActivity> ReserveMarketing([ActivityTrigger] ReserveMarketingRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return profiles.ReserveAsync(request.BuyerKey, request.Wanted, request.Now, request.Policy, context.CancellationToken);
    }
}

/// <summary>The input of <see cref="BuyerActivities.ReserveMarketing"/>: the orchestration's time, so replays reserve alike.</summary>
public sealed record ReserveMarketingRequest(string BuyerKey, IReadOnlyList<MarketingSend> Wanted, DateTimeOffset Now, GrowthPolicy Policy);
