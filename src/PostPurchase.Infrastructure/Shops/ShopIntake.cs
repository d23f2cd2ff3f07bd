using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Shops.Mapping;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// Applies a shop delivery (webhook or reconciliation) to its order: merge into the order's record, plan the inputs not given yet,
/// hand them to the timeline (placed and raised through <see cref="IOrderWorkflows"/>, carrier statuses through
/// <see cref="ITrackingIngress"/>), then save the record under its ETag. A crash in between hands the same inputs again, which the
/// timeline ignores.
/// </summary>
internal sealed partial class ShopIntake(
    ShopStore store,
    ShopifyAdmin shopify,
    IOrderWorkflows workflows,
    ITrackingIngress ingress,
    IOptionsMonitor<PostPurchaseOptions> options,
    TimeProvider time,
    ILogger<ShopIntake> logger)
{
    private const int MaxConflicts = 5;

    /// <summary>The longest the product-type lookup may hold up a delivery; past it the order goes on with its rule categories.</summary>
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(2);

    /// <summary>Applies the delivery; throws <see cref="ShopPayloadException"/> when the order cannot be mapped.</summary>
    public async Task<ShopApplyResult> ApplyAsync(ShopDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var mapping = options.CurrentValue.Shops.ToMapping();
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var (loaded, etag) = await store.LoadAsync(delivery.OrderId, cancellationToken).ConfigureAwait(false);
            var record = loaded ?? ShopOrderRecord.Empty(delivery.Platform, delivery.ShopOrderId);
            var merged = record.Merge(delivery, out var changed);
            var products = await ProductsAsync(merged, cancellationToken).ConfigureAwait(false);
            var plan = ShopTimelinePlanner.Plan(merged, mapping, products, time.GetUtcNow());
            if (!changed && plan.Inputs.Count == 0 && loaded is not null)
            {
                return new ShopApplyResult(delivery.OrderId, 0, true, loaded.Placed ? null : loaded.Skipped);
            }
            await HandOverAsync(delivery.OrderId, plan.Inputs, cancellationToken).ConfigureAwait(false);
            if (await store.SaveAsync(plan.Record, etag, cancellationToken).ConfigureAwait(false))
            {
                LogApplied(delivery.Platform, delivery.Topic, delivery.OrderId, plan.Inputs.Count, plan.Skipped ?? "-");
                return new ShopApplyResult(delivery.OrderId, plan.Inputs.Count, !changed, plan.Skipped);
            }
            LogConflict(delivery.OrderId, attempt + 1);
        }
        throw new InvalidOperationException($"Shop order {delivery.OrderId}: the record changed under {MaxConflicts} attempts in a row; the delivery will be retried.");
    }

    private async Task HandOverAsync(string orderId, IReadOnlyList<TimelineInput> inputs, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            switch (input)
            {
                case OrderPlaced placed:
                    await workflows.StartAsync(placed.Order, cancellationToken).ConfigureAwait(false);
                    break;
                case TrackingUpdated tracking:
                    // The carrier path: deduped by event id, queued for the order (parked if its parcel is not indexed yet).
                    await ingress.AcceptAsync([tracking.Event], cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (!await workflows.RaiseAsync(orderId, input, cancellationToken).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException($"Shop order {orderId} was placed but has no timeline; its input was not applied and will be retried.");
                    }
                    break;
            }
        }
    }

    /// <summary>Product types for Shopify lines without one: cached per product, else looked up once by GraphQL within the budget.</summary>
    private async Task<IReadOnlyDictionary<string, ProductFacts>> ProductsAsync(ShopOrderRecord record, CancellationToken cancellationToken)
    {
        if (record.Order is not { Platform: ShopPlatforms.Shopify } order || !shopify.Configured)
        {
            return new Dictionary<string, ProductFacts>();
        }
        var wanted = order.Lines.Where(l => l.ProductType is null && l.ProductId is not null).Select(l => l.ProductId!).Distinct(StringComparer.Ordinal).ToList();
        var known = await store.ProductsAsync(ShopPlatforms.Shopify, wanted, cancellationToken).ConfigureAwait(false);
        var missing = wanted.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return known;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(LookupBudget);
        try
        {
            var found = await shopify.ProductsAsync(missing, budget.Token).ConfigureAwait(false);
            foreach (var id in missing)
            {
                // A product Shopify no longer knows is remembered as typeless, so it is not asked for again.
                var facts = found.GetValueOrDefault(id) ?? new ProductFacts(null, []);
                await store.SaveProductAsync(ShopPlatforms.Shopify, id, facts, cancellationToken).ConfigureAwait(false);
                known[id] = facts;
            }
        }
        catch (Exception ex) when (ex is ShopApiException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The order goes on with rule categories; a later delivery of it looks again and updates the items.
            LogLookupFailed(ex, order.OrderId, missing.Count);
        }
        return known;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop delivery {Platform} {Topic} for order {OrderId}: {Inputs} timeline inputs; skipped: {Skipped}")]
    private partial void LogApplied(string platform, string topic, string orderId, int inputs, string skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop order {OrderId}: record changed meanwhile (attempt {Attempt}); merging again")]
    private partial void LogConflict(string orderId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop order {OrderId}: the Shopify product-type lookup of {Count} products failed; rule categories are used until a later delivery")]
    private partial void LogLookupFailed(Exception exception, string orderId, int count);
}
