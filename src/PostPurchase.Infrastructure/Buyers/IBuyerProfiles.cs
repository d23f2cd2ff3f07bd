using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>The buyer profiles across orders, the one place cross-order facts are kept; every change is atomic per buyer.</summary>
public interface IBuyerProfiles
{
    /// <summary>Adds the order to its buyer's profile (idempotent per order id) and returns what the order should know of its buyer.</summary>
    Task<BuyerIntake> RecordOrderAsync(Order order, GrowthPolicy policy, CancellationToken cancellationToken);

    /// <summary>Reserves the marketing a decision wants to send under the weekly cap (see <see cref="MarketingLedger"/>) and returns the fresh activity.</summary>
    Task<BuyerActivity> ReserveAsync(string buyerKey, IReadOnlyList<MarketingSend> wanted, DateTimeOffset now, GrowthPolicy policy, CancellationToken cancellationToken);

    /// <summary>Remembers a measured link the buyer followed, for the attribution of their next order.</summary>
    Task RecordClickAsync(string buyerKey, Attribution click, CancellationToken cancellationToken);

    /// <summary>Records a marketing consent change made on one order, so every order of the buyer honours it.</summary>
    Task RecordConsentAsync(string buyerKey, ConsentRecord record, CancellationToken cancellationToken);

    /// <summary>Removes an erased order from its buyer's profile; the profile goes when its last order does.</summary>
    Task ForgetOrderAsync(string buyerKey, string orderId, CancellationToken cancellationToken);

    /// <summary>The profile, or null when the buyer has none.</summary>
    Task<BuyerProfile?> GetAsync(string buyerKey, CancellationToken cancellationToken);
}
