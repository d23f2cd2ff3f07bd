using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary><see cref="IBuyerProfiles"/> on table <c>Buyers</c>: one row per buyer, changed with optimistic concurrency.</summary>
internal sealed class TableBuyerProfiles(BuyerProfileRows rows, BuyerKeys keys, ReferralCodePool pool) : IBuyerProfiles
{
    /// <summary>Earlier orders told about a new one: the newest, within this many days.</summary>
    private const int AnnounceWithinDays = 400;
    private const int AnnounceAtMost = 10;

    public async Task<BuyerIntake> RecordOrderAsync(Order order, GrowthPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        var key = keys.For(order.Customer.Email);
        var saved = await rows.UpdateAsync(key, profile => WithOrder(profile, order), cancellationToken, insertFirst: true).ConfigureAwait(false) ?? new BuyerProfile();
        var before = saved.Orders.Where(o => o.OrderId != order.OrderId && IsBefore(o, order)).ToList();
        var window = TimeSpan.FromDays(policy.AttributionWindowDays);
        var click = saved.Clicks.Where(c => c.ClickedAt <= order.PlacedAt && c.ClickedAt > order.PlacedAt - window && c.OrderId != order.OrderId).MaxBy(c => c.ClickedAt);
        var facts = new BuyerFacts(
            key,
            before.Count + 1,
            before.Count == 0 ? order.PlacedAt : before.Min(o => o.PlacedAt),
            before.Count == 0 ? null : before.Max(o => o.PlacedAt),
            before.SelectMany(o => o.Categories).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            keys.ReferralCode(key, policy.Referral.CodePrefix),
            click)
        {
            Activity = saved.Activity,
        };
        var earlier = saved.Orders
            .Where(o => o.OrderId != order.OrderId && o.PlacedAt <= order.PlacedAt && o.PlacedAt > order.PlacedAt.AddDays(-AnnounceWithinDays))
            .OrderByDescending(o => o.PlacedAt)
            .Take(AnnounceAtMost)
            .Select(o => o.OrderId)
            .ToList();
        return new BuyerIntake(facts, earlier);
    }

    public async Task<BuyerActivity> ReserveAsync(string buyerKey, IReadOnlyList<MarketingSend> wanted, DateTimeOffset now, GrowthPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(policy);
        // A referral takes a pool code first; claiming is idempotent per buyer, so a lost race below claims nothing new.
        var code = wanted.Any(w => w.Intent == Intent.ReferralInvite)
            ? await pool.ClaimAsync(buyerKey, policy.Referral.CodePool, cancellationToken).ConfigureAwait(false)
            : null;
        var saved = await rows.UpdateAsync(buyerKey, profile =>
        {
            var was = profile.Activity;
            var activity = MarketingLedger.Reserve(was, wanted, now, policy);
            activity = activity.PoolCode is null && code is not null ? activity with { PoolCode = code } : activity;
            var same = activity.RecentMarketing.SequenceEqual(was.RecentMarketing) && activity.LastWinBack == was.LastWinBack && activity.PoolCode == was.PoolCode;
            return same ? profile : profile with { Activity = activity };
        }, cancellationToken).ConfigureAwait(false);
        return saved?.Activity ?? new BuyerActivity();
    }

    public Task RecordClickAsync(string buyerKey, Attribution click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        return rows.UpdateAsync(buyerKey, profile => profile.Orders.Count == 0 ? profile : profile with
        {
            Clicks = [.. profile.Clicks.Append(click).OrderBy(c => c.ClickedAt).TakeLast(BuyerProfile.MaxClicks)],
        }, cancellationToken);
    }

    public Task RecordConsentAsync(string buyerKey, ConsentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return rows.UpdateAsync(buyerKey, profile => profile.Orders.Count == 0 || IsOlder(record, profile.Activity.MarketingConsent) ? profile : profile with
        {
            Activity = profile.Activity with { MarketingConsent = record },
        }, cancellationToken);
    }

    public async Task ForgetOrderAsync(string buyerKey, string orderId, CancellationToken cancellationToken)
    {
        string? releasedCode = null;
        await rows.UpdateAsync(buyerKey, profile =>
        {
            var orders = profile.Orders.Where(o => o.OrderId != orderId).ToList();
            if (orders.Count == 0)
            {
                releasedCode = profile.Activity.PoolCode;
                return null;
            }
            var own = orderId + ":";
            var activity = profile.Activity with
            {
                RecentMarketing = [.. profile.Activity.RecentMarketing.Where(s => !s.Update.StartsWith(own, StringComparison.Ordinal))],
                LastWinBack = profile.Activity.LastWinBack?.Update.StartsWith(own, StringComparison.Ordinal) == true ? null : profile.Activity.LastWinBack,
            };
            return profile with { Orders = orders, Clicks = [.. profile.Clicks.Where(c => c.OrderId != orderId)], Activity = activity };
        }, cancellationToken).ConfigureAwait(false);
        if (releasedCode is not null)
        {
            await pool.ForgetAsync(releasedCode, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<BuyerProfile?> GetAsync(string buyerKey, CancellationToken cancellationToken) => rows.GetAsync(buyerKey, cancellationToken);

    private static BuyerProfile WithOrder(BuyerProfile profile, Order order)
    {
        var changed = profile;
        if (!profile.Orders.Any(o => o.OrderId == order.OrderId))
        {
            var categories = order.Items.Select(i => i.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            changed = profile with
            {
                Orders = [.. profile.Orders.Append(new BuyerOrder(order.OrderId, order.PlacedAt, categories)).OrderBy(o => o.PlacedAt).TakeLast(BuyerProfile.MaxOrders)],
            };
        }
        // A grant at checkout is the buyer's latest word unless they said otherwise since; not ticking the box is no revocation.
        var grant = order.Customer.Consent;
        if (grant.Marketing)
        {
            var record = new ConsentRecord(ConsentSubjects.Marketing, true, grant.Source, grant.GrantedAt ?? order.PlacedAt, grant.WordingVersion);
            if (!IsOlder(record, changed.Activity.MarketingConsent) && changed.Activity.MarketingConsent != record)
            {
                changed = changed with { Activity = changed.Activity with { MarketingConsent = record } };
            }
        }
        return changed;
    }

    /// <summary>True when <paramref name="record"/> came before <paramref name="than"/>; at the same moment a revocation counts as the later.</summary>
    private static bool IsOlder(ConsentRecord record, ConsentRecord? than) =>
        than is not null && (record.At < than.At || (record.At == than.At && record.Granted && !than.Granted));

    private static bool IsBefore(BuyerOrder o, Order order) =>
        o.PlacedAt < order.PlacedAt || (o.PlacedAt == order.PlacedAt && string.CompareOrdinal(o.OrderId, order.OrderId) < 0);
}
