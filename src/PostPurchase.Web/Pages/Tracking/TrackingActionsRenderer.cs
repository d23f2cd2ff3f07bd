using System.Text;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>The self-service forms, each shown only when its rule allows it (see <see cref="TrackingPageState"/>).</summary>
internal static class TrackingActionsRenderer
{
    /// <summary>Return reasons offered, in order; their labels are page texts "return.reason.{key}".</summary>
    public static readonly string[] ReturnReasons = ["wrong-size", "not-as-described", "damaged", "changed-mind", "other"];

    public static void Render(StringBuilder html, TrackingPageModel model)
    {
        Cancel(html, model);
        Return(html, model);
        Rate(html, model);
        HowTo(html, model);
        Consent(html, model);
    }

    private static void Cancel(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        if (model.Allowed.CanCancel)
        {
            Open(html, model, "cancel", t["cancel.heading"]);
            html.Append("<p>").Append(Html.E(t["cancel.text"])).Append("</p>").Append(FormStart(model, "cancel"))
                .Append("<button type=\"submit\" class=\"danger\" data-testid=\"cancel-button\">").Append(Html.E(t["cancel.button"])).Append("</button></form></section>");
        }
        else if (model.State.Status is OrderStatus.PartiallyShipped or OrderStatus.Shipped)
        {
            html.Append("<p class=\"card info\" data-testid=\"cancel-too-late\">").Append(Html.E(t.Format("cancel.tooLate", model.Policy.ReturnWindowDays))).Append("</p>");
        }
    }

    private static void Return(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        if (!model.Allowed.CanReturn)
        {
            if (model.Allowed.ReturnUntil is { } until && model.State.Status is OrderStatus.Delivered)
            {
                html.Append("<p class=\"card info\">").Append(Html.E(t.Format("return.closed", model.Date(until)))).Append("</p>");
            }
            return;
        }
        Open(html, model, "return", t["return.heading"]);
        html.Append("<p>").Append(Html.E(t.Format("return.text", model.Date(model.Allowed.ReturnUntil!.Value)))).Append("</p>").Append(FormStart(model, "return"))
            .Append("<fieldset><legend>").Append(Html.E(t["return.items"])).Append("</legend>");
        var n = 0;
        foreach (var item in model.State.Order.Items)
        {
            n++;
            html.Append("<label class=\"check\"><input type=\"checkbox\" name=\"skus\" value=\"").Append(Html.E(item.Sku)).Append("\" id=\"sku-").Append(n).Append('"')
                .Append(model.State.Order.Items.Count == 1 ? " checked" : "").Append("> ").Append(Html.E(item.Name)).Append("</label>");
        }
        html.Append("</fieldset><label for=\"reason\">").Append(Html.E(t["return.reason"])).Append("</label><select id=\"reason\" name=\"reason\" required>");
        foreach (var reason in ReturnReasons)
        {
            html.Append("<option value=\"").Append(reason).Append("\">").Append(Html.E(t[$"return.reason.{reason}"])).Append("</option>");
        }
        html.Append("</select><fieldset><legend>").Append(Html.E(t["return.resolution"])).Append("</legend>");
        // Exchange and store credit come first and the first one is preselected; refund stays one click away.
        var first = true;
        if (model.Options.OfferExchange)
        {
            Radio(html, "exchange", t["return.exchange"], ref first);
        }
        var credit = model.Options.StoreCreditBonusPercent > 0 ? t.Format("return.storeCreditBonus", model.Options.StoreCreditBonusPercent) : t["return.storeCredit"];
        Radio(html, "store-credit", credit, ref first);
        Radio(html, "refund", t["return.refund"], ref first);
        html.Append("</fieldset><button type=\"submit\" data-testid=\"return-button\">").Append(Html.E(t["return.button"])).Append("</button></form></section>");
    }

    private static void Rate(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        if (model.State.CsatScore is { } score)
        {
            html.Append("<p class=\"card info\" data-testid=\"rated\">").Append(Html.E(t.Format("rate.thanks", score))).Append("</p>");
            return;
        }
        if (!model.Allowed.CanRate)
        {
            return;
        }
        Open(html, model, "rate", t["rate.heading"]);
        html.Append(FormStart(model, "rate")).Append("<fieldset class=\"stars\"><legend>").Append(Html.E(t["rate.legend"])).Append("</legend>");
        for (var s = 1; s <= 5; s++)
        {
            html.Append("<label><input type=\"radio\" name=\"score\" value=\"").Append(s).Append("\" required data-testid=\"score-").Append(s).Append("\"> ").Append(s).Append("</label>");
        }
        html.Append("</fieldset><label for=\"comment\">").Append(Html.E(t["rate.comment"])).Append("</label>")
            .Append("<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"1000\"></textarea>")
            .Append("<button type=\"submit\" data-testid=\"rate-button\">").Append(Html.E(t["rate.button"])).Append("</button></form></section>");
    }

    private static void HowTo(StringBuilder html, TrackingPageModel model)
    {
        if (!model.Allowed.ShowHowTo)
        {
            return;
        }
        var t = model.Text;
        Open(html, model, "howto", t["howto.heading"]);
        html.Append("<ul class=\"plain\">");
        foreach (var item in model.State.Order.Items.Where(i => i.HowToUrl is not null))
        {
            html.Append("<li><a href=\"").Append(Html.Url(item.HowToUrl)).Append("\" data-testid=\"howto\">").Append(Html.E(t.Format("howto.link", item.Name))).Append("</a></li>");
        }
        html.Append("</ul></section>");
    }

    private static void Consent(StringBuilder html, TrackingPageModel model)
    {
        if (model.State.Order.Customer.Phone is null || model.State.Status is OrderStatus.Cancelled)
        {
            return;
        }
        var t = model.Text;
        var consent = model.State.Consent;
        Open(html, model, "consent", t["consent.heading"]);
        html.Append(FormStart(model, "consent")).Append("<input type=\"hidden\" name=\"wording\" value=\"").Append(Html.E(model.Options.ConsentWordingVersion)).Append("\">")
            .Append("<label class=\"check\"><input type=\"checkbox\" name=\"sms\" value=\"on\" data-testid=\"consent-sms\"").Append(consent.Sms && !consent.SmsOptedOut ? " checked" : "").Append("> ")
            .Append(Html.E(t["consent.sms"])).Append("</label>")
            .Append("<label class=\"check\"><input type=\"checkbox\" name=\"whatsapp\" value=\"on\" data-testid=\"consent-whatsapp\"").Append(consent.WhatsApp && !consent.WhatsAppOptedOut ? " checked" : "").Append("> ")
            .Append(Html.E(t["consent.whatsapp"])).Append("</label><p class=\"muted\">").Append(Html.E(t["consent.wording"])).Append("</p>")
            .Append("<button type=\"submit\" data-testid=\"consent-button\">").Append(Html.E(t["consent.button"])).Append("</button></form></section>");
    }

    private static void Open(StringBuilder html, TrackingPageModel model, string id, string heading) =>
        html.Append("<section class=\"card action\" id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-h\"><h2 id=\"").Append(id).Append("-h\">")
            .Append(Html.E(heading)).Append("</h2>");

    private static string FormStart(TrackingPageModel model, string action) =>
        $"<form method=\"post\" action=\"{Html.E(model.BasePath)}/{action}\">{PageLayout.Antiforgery(model.Antiforgery)}<input type=\"hidden\" name=\"lang\" value=\"{Html.E(model.Text.Locale)}\">";

    private static void Radio(StringBuilder html, string value, string label, ref bool first)
    {
        html.Append("<label class=\"check\"><input type=\"radio\" name=\"resolution\" value=\"").Append(value).Append("\" data-testid=\"resolution-").Append(value).Append('"')
            .Append(first ? " checked" : "").Append("> ").Append(Html.E(label)).Append("</label>");
        first = false;
    }
}
