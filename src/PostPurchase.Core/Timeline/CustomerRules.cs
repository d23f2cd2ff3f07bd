using System.Globalization;

namespace PostPurchase.Core.Timeline;

/// <summary>Inputs from the buyer and the merchant: cancellation, return, refund, CSAT, consent, review link.</summary>
internal static class CustomerRules
{
    public static bool Cancel(DecisionContext ctx, OrderCancelled input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Source);
        if (ctx.State.Status is OrderStatus.Cancelled or OrderStatus.Returned or OrderStatus.Refunded)
        {
            return false;
        }
        ctx.State = ctx.State with { Status = OrderStatus.Cancelled };
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = input.Source };
        if (!string.IsNullOrWhiteSpace(input.Reason))
        {
            facts["reason"] = input.Reason;
        }
        MessagePlanner.Plan(ctx, Intent.CancellationConfirmed, ctx.Now, facts);
        if (string.Equals(input.Source, "customer", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Signal(SignalKind.CancellationRequested, new Dictionary<string, string>(facts, StringComparer.Ordinal));
        }
        return true;
    }

    public static bool RequestReturn(DecisionContext ctx, ReturnRequested input)
    {
        ArgumentNullException.ThrowIfNull(input.Skus);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Resolution);
        var known = ctx.State.Order.Items.Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
        var unknown = input.Skus.Where(s => !known.Contains(s)).ToList();
        if (input.Skus.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException(input.Skus.Count == 0
                ? "A return must name at least one SKU of the order."
                : $"The order has no item with SKU {string.Join(", ", unknown)}.", nameof(input));
        }
        if (!OrderProgress.IsOpen(ctx.State.Status))
        {
            return false;
        }
        ctx.State = ctx.State with { Status = OrderStatus.ReturnRequested };
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["skus"] = string.Join(',', input.Skus.Distinct(StringComparer.Ordinal)),
            ["resolution"] = input.Resolution,
            ["reason"] = input.Reason ?? "",
        };
        MessagePlanner.Plan(ctx, Intent.ReturnInstructions, ctx.Now, facts);
        ctx.Signal(SignalKind.ReturnRequested, new Dictionary<string, string>(facts, StringComparer.Ordinal));
        return true;
    }

    public static bool Refund(DecisionContext ctx, OrderRefunded input)
    {
        if (input.RefundId is { } id && ctx.State.Refunds.Any(r => r.RefundId == id))
        {
            return false;
        }
        var record = new RefundRecord(input.RefundId, input.Partial, input.Returned, input.Amount, input.Reason, ctx.Now);
        if (input.Partial)
        {
            // A partial refund (an item out of stock, a goodwill gesture) is kept on the order; the rest still ships and is reviewed.
            ctx.State = ctx.State with { Refunds = [.. ctx.State.Refunds, record] };
            return true;
        }
        var status = input.Returned ? OrderStatus.Returned : OrderStatus.Refunded;
        if (ctx.State.Status is OrderStatus.Returned or OrderStatus.Refunded or OrderStatus.Cancelled)
        {
            return false;
        }
        ctx.State = ctx.State with { Status = status, Refunds = [.. ctx.State.Refunds, record] };
        return true;
    }

    public static bool AnswerCsat(DecisionContext ctx, CsatAnswered input)
    {
        if (input.Score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Score, "A CSAT score is 1 to 5.");
        }
        if (ctx.State.CsatScore is not null)
        {
            return false; // the first answer counts; a second click on the survey changes nothing
        }
        ctx.State = ctx.State with { CsatScore = input.Score, CsatComment = input.Comment };
        if (Suppression.IsLowScore(ctx))
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["score"] = input.Score.ToString(CultureInfo.InvariantCulture) };
            if (!string.IsNullOrWhiteSpace(input.Comment))
            {
                data["comment"] = input.Comment;
            }
            ctx.Signal(SignalKind.SupportFollowUp, data);
        }
        return true;
    }

    public static bool ChangeConsent(DecisionContext ctx, ConsentChanged input)
    {
        var subject = input.Subject?.Trim().ToLowerInvariant();
        if (!ConsentSubjects.IsKnown(subject))
        {
            throw new ArgumentException($"Unknown consent subject '{input.Subject}' (expected sms, whatsapp or marketing).", nameof(input));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Source);
        var c = ctx.State.Consent;
        var record = new ConsentRecord(subject!, input.Granted, input.Source, ctx.Now, input.WordingVersion);
        var last = c.History.LastOrDefault(r => r.Subject == subject);
        if (last is not null && last.Granted == input.Granted && last.Source == input.Source && last.WordingVersion == input.WordingVersion)
        {
            return false; // the same change again (e.g. a repeated STOP): nothing new to prove
        }
        ctx.State = ctx.State with { Consent = c.After(record) };
        return true;
    }

    public static bool UseReviewLink(DecisionContext ctx)
    {
        if (ctx.State.ReviewLinkUsed)
        {
            return false;
        }
        ctx.State = ctx.State with { ReviewLinkUsed = true };
        return true;
    }
}
