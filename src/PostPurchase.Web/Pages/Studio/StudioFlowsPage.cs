using System.Globalization;
using System.Text;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Web.Studio;

namespace PostPurchase.Web.Pages.Studio;

/// <summary><c>/studio/flows</c>: each message on or off per channel, the timings, and what they will do in plain sentences.</summary>
internal static class StudioFlowsPage
{
    public static string Render(DashboardChrome chrome, LiveSettings live, TimelinePolicy draft, IReadOnlyList<SettingsError> errors, string? notice)
    {
        var html = StudioHtml.Start("Flows and timings", "/studio/flows", live, notice);
        StudioHtml.Errors(html, errors);
        html.Append("<section class=\"card\" aria-labelledby=\"will-h\"><h2 id=\"will-h\">What will happen</h2><ul data-testid=\"sentences\">");
        foreach (var sentence in TimingSentences.Describe(draft))
            html.Append("<li data-testid=\"sentence\">").Append(Html.E(sentence)).Append("</li>");
        html.Append("</ul><p class=\"muted\">").Append(Html.E(StudioHtml.RunningOrders)).Append("</p></section>");

        var form = new StringBuilder();
        Matrix(form, draft);
        var r = draft.Review;
        var c = draft.Csat;
        form.Append("<fieldset><legend>Survey and review request</legend>")
            .Append(StudioHtml.Check("Send the satisfaction survey", "csat.enabled", c.Enabled))
            .Append(StudioHtml.Field("Survey: days after delivery", "csat.daysAfterDelivery", N(c.DaysAfterDelivery), "text"))
            .Append(StudioHtml.Area("Survey delay per category (days after delivery)", "csat.categoryDays", FlowsForm.Lines(c.CategoryDays), 3, "One per line: category = days. Empty: the delay above for every category."))
            .Append(StudioHtml.Area("Survey delay per SKU", "csat.skuDays", FlowsForm.Lines(c.SkuDays), 2, "One per line: SKU = days."))
            .Append(StudioHtml.Field("Low scores go up to (1-4): no review request, a support follow-up instead", "csat.lowScoreAtMost", N(c.LowScoreAtMost)))
            .Append(StudioHtml.Check("Send the review request", "review.enabled", r.Enabled))
            .Append(StudioHtml.Area("Review delay per category: days after delivery", "review.categoryDays", FlowsForm.Lines(r.CategoryDays), 6, "One per line: category = days. The longest delay of an order's items wins."))
            .Append(StudioHtml.Area("Review delay per SKU (wins over the category)", "review.skuDays", FlowsForm.Lines(r.SkuDays), 3, "One per line: SKU = days."))
            .Append(StudioHtml.Field("Review delay for anything else (days)", "review.defaultDays", N(r.DefaultDays)))
            .Append(StudioHtml.Field("Local hour of the survey and review (0-23)", "review.localHour", N(r.LocalHour)))
            .Append(StudioHtml.Field("Reminder after the request (days; empty for none)", "review.reminderAfterDays", r.ReminderAfterDays is { } d ? N(d) : ""))
            .Append(StudioHtml.Field("No delivered scan: count as delivered this many days after the promised date", "review.missingDeliveryGraceDays", N(r.MissingDeliveryGraceDays)))
            .Append("</fieldset><fieldset><legend>Delay alerts</legend>")
            .Append(StudioHtml.Field("No carrier scan for (days)", "delays.noScanDays", N(draft.Delays.NoScanDays)))
            .Append(StudioHtml.Field("Carrier estimate past the promise by at least (hours)", "delays.estimateSlipMarginHours", N(draft.Delays.EstimateSlipMarginHours)))
            .Append(StudioHtml.Field("Not shipped: hours after the promised ship date", "delays.notShippedGraceHours", N(draft.Delays.NotShippedGraceHours)))
            .Append(StudioHtml.Field("Overdue: hours after the promised delivery date", "delays.overdueGraceHours", N(draft.Delays.OverdueGraceHours)))
            .Append("</fieldset><fieldset><legend>Quiet hours, daily cap, returns</legend>")
            .Append(StudioHtml.Field("Texts from (local hour)", "quiet.earliestHour", N(draft.QuietHours.Default.EarliestHour)))
            .Append(StudioHtml.Field("Texts until (local hour)", "quiet.latestHour", N(draft.QuietHours.Default.LatestHour)))
            .Append(StudioHtml.Area("Per country", "quiet.countries", FlowsForm.Countries(draft.QuietHours.Countries), 5, "One per line: FR = 8-22, no sundays, no holidays."))
            .Append(StudioHtml.Field("Non-essential messages per buyer per day", "fatigueCapPerDay", N(draft.FatigueCapPerDay)))
            .Append(StudioHtml.Field("Return window (days after delivery)", "returnWindowDays", N(draft.ReturnWindowDays)))
            .Append("</fieldset>");
        Growth(form, draft.Growth);
        form.Append(StudioHtml.SaveBar(live.Version));
        html.Append(StudioHtml.Form(chrome, "/studio/flows", form.ToString(), "flows-form"));
        return chrome.Render("Studio: flows and timings", html.ToString());
    }

    private static void Matrix(StringBuilder form, TimelinePolicy draft)
    {
        form.Append("<fieldset><legend>Messages per channel (texts only with the buyer's consent)</legend><div class=\"table-wrap\"><table class=\"matrix\"><thead><tr><th scope=\"col\">Message</th>");
        foreach (var channel in ChannelFlows.Channels)
            form.Append("<th scope=\"col\">").Append(ChannelFlows.Name(channel)).Append("</th>");
        form.Append("</tr></thead><tbody>");
        foreach (var intent in Enum.GetValues<Intent>())
        {
            var name = WireName.Of(intent);
            form.Append("<tr><th scope=\"row\">").Append(name).Append("</th>");
            foreach (var channel in ChannelFlows.Channels)
            {
                form.Append("<td><input type=\"checkbox\" name=\"").Append(FlowsForm.FlowName(intent, channel)).Append("\" value=\"on\" aria-label=\"")
                    .Append(name).Append(" by ").Append(ChannelFlows.Name(channel)).Append("\" data-testid=\"flow-").Append(name).Append('-').Append(WireName.Of(channel)).Append('"')
                    .Append(ChannelFlows.IsOn(draft, intent, channel) ? " checked" : "").Append("></td>");
            }
            form.Append("</tr>");
        }
        form.Append("</tbody></table></div></fieldset>");
    }

    private static void Growth(StringBuilder form, GrowthPolicy g) =>
        form.Append("<fieldset><legend>Repeat purchase</legend>")
            .Append(StudioHtml.Area("Reorder reminder: days one unit of a SKU lasts", "growth.replenishment.skuDays", FlowsForm.Lines(g.Replenishment.SkuDays), 3, "One per line: SKU = days, such as SERUM-30 = 60. Wins over the category; the quantity bought multiplies it."))
            .Append(StudioHtml.Area("Reorder reminder: days one unit of a category lasts", "growth.replenishment.categoryDays", FlowsForm.Lines(g.Replenishment.CategoryDays), 3, "One per line: category = days. Empty (and no SKU): no reorder reminders."))
            .Append(StudioHtml.Area("Win-back: days without a new order after delivery, per category", "growth.winBack.categoryDays", FlowsForm.Lines(g.WinBack.CategoryDays), 3, "One per line: category = days. An order with several takes the shortest."))
            .Append(StudioHtml.Field("Win-back for anything else (days; empty for none)", "growth.winBack.defaultDays", g.WinBack.DefaultDays is { } d ? N(d) : ""))
            .Append(StudioHtml.Field("At most one win-back per buyer in (days)", "growth.winBack.oncePerDays", N(g.WinBack.OncePerDays)))
            .Append(StudioHtml.Field("Marketing messages per buyer in any 7 days (surveys, reviews, promotions)", "growth.weeklyMarketingCap", N(g.WeeklyMarketingCap)))
            .Append(StudioHtml.Field("Local hour of reorder, win-back and referral messages (0-23)", "growth.localHour", N(g.LocalHour)))
            .Append("</fieldset>");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
