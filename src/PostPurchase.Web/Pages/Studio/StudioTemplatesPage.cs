using System.Text;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Web.Studio;

namespace PostPurchase.Web.Pages.Studio;

/// <summary><c>/studio/templates</c>: the Liquid editor for one intent, channel, locale and part, with live preview, SMS length, diff and test send.</summary>
internal static class StudioTemplatesPage
{
    public sealed record Editor(TemplateTarget Target, string Source, bool Overridden, string? Order, IReadOnlyList<string> RecentOrders, TemplatePreview Preview, string? WhatsAppSid);

    public static string Render(DashboardChrome chrome, LiveSettings live, Editor e, IReadOnlyList<SettingsError> errors, string? notice)
    {
        var t = e.Target;
        var html = StudioHtml.Start("Templates", "/studio/templates", live, notice);
        Picker(html, e);
        StudioHtml.Errors(html, errors);
        var form = new StringBuilder()
            .Append(Hidden("intent", t.IntentName)).Append(Hidden("channel", t.ChannelName)).Append(Hidden("locale", t.Locale)).Append(Hidden("part", t.Part)).Append(Hidden("order", e.Order))
            .Append(StudioHtml.Area($"Liquid template {t.Key}", "source", e.Source, 12, e.Overridden ? "Your template (saved)." : "The built-in template; saving a change makes it yours."));
        if (t.Channel == Channel.WhatsApp)
            form.Append(StudioHtml.Field($"Approved WhatsApp template (Content SID) for {t.IntentName} in {t.Locale}", "whatsAppSid", e.WhatsAppSid,
                hint: "Used outside the 24-hour window, with variables 1 first name, 2 shop, 3 order number, 4 status sentence, 5 link. Empty: none for this language."));
        form.Append(StudioHtml.SaveBar(live.Version));
        if (e.Overridden)
            form.Append("<p class=\"actions\"><button type=\"submit\" name=\"action\" value=\"default\" class=\"secondary\" data-testid=\"use-default\">Go back to the built-in template</button></p>");
        form.Append("<fieldset><legend>Test send of this draft</legend>")
            .Append(StudioHtml.Field(t.Channel == Channel.Email ? "Email address" : "Phone number (+31612345678)", "to", null, t.Channel == Channel.Email ? "email" : "tel"))
            .Append("<p class=\"actions\"><button type=\"submit\" formaction=\"/studio/templates/test-send\" class=\"secondary\" data-testid=\"test-send\">Send a test</button></p></fieldset>");
        html.Append("<div class=\"editor\"><section class=\"card\" aria-labelledby=\"edit-h\"><h2 id=\"edit-h\">Edit</h2>")
            .Append(StudioHtml.Form(chrome, "/studio/templates", form.ToString(), "template-form").Replace("<form ", "<form data-preview=\"/studio/templates/preview\" ", StringComparison.Ordinal))
            .Append("</section>");
        Preview(html, e);
        Diff(html, t.Default, e.Source);
        Variables(html);
        html.Append("</div><script src=\"/assets/studio.js\" defer></script>");
        return chrome.Render("Studio: templates", html.ToString());
    }

    /// <summary>"2 parts · GSM-7 · 180 characters".</summary>
    public static string Length(SmsLength length) =>
        $"{length.Segments} {(length.Segments == 1 ? "part" : "parts")} · {(length.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2 (Unicode)")} · {length.Units} characters";

    private static void Picker(StringBuilder html, Editor e)
    {
        var t = e.Target;
        html.Append("<form method=\"get\" action=\"/studio/templates\" class=\"filters\" data-testid=\"picker\">")
            .Append(Select("Message", "intent", Enum.GetValues<Intent>().Select(i => WireName.Of(i)), t.IntentName))
            .Append(Select("Channel", "channel", ChannelFlows.Channels.Select(c => WireName.Of(c)), t.ChannelName))
            .Append(Select("Language", "locale", LocaleFormat.Supported, t.Locale))
            .Append(Select("Part", "part", ["subject", "html", "text"], t.Part))
            .Append(Select("Preview with", "order", ["", .. e.RecentOrders], e.Order ?? "", v => v.Length == 0 ? "the sample order" : $"order {v}"))
            .Append("<button type=\"submit\" class=\"secondary\">Open</button></form>");
    }

    private static void Preview(StringBuilder html, Editor e)
    {
        var p = e.Preview;
        html.Append("<section class=\"card\" aria-labelledby=\"preview-h\" data-testid=\"preview-panel\"><h2 id=\"preview-h\">Preview</h2>")
            .Append("<p class=\"error\" role=\"alert\" data-testid=\"preview-error\" id=\"preview-error\">").Append(Html.E(p.Error?.ToString())).Append("</p>")
            .Append("<p><strong data-testid=\"preview-subject\" id=\"preview-subject\">").Append(Html.E(p.Content?.Subject)).Append("</strong></p>");
        if (e.Target.Channel == Channel.Email)
            html.Append("<iframe class=\"preview\" sandbox=\"\" title=\"Email preview\" id=\"preview-html\" data-testid=\"preview-html\" width=\"100%\" height=\"420\" srcdoc=\"").Append(Html.E(p.Content?.Html)).Append("\"></iframe>");
        html.Append("<pre class=\"preview\" id=\"preview-text\" data-testid=\"preview-text\" tabindex=\"0\" aria-label=\"Text preview\">").Append(Html.E(p.Content?.Text)).Append("</pre>");
        if (e.Target.Channel != Channel.Email)
            html.Append("<p data-testid=\"sms-count\" id=\"sms-count\" aria-live=\"polite\">").Append(p.Length is { } l ? Html.E(Length(l)) : "").Append("</p>");
        html.Append("</section>");
    }

    private static void Diff(StringBuilder html, string builtIn, string source)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"diff-h\"><h2 id=\"diff-h\">Against the built-in template</h2><div class=\"diff\" data-testid=\"diff\">");
        foreach (var line in TextDiff.Lines(builtIn, source))
        {
            var css = line.Kind switch { '+' => "add", '-' => "del", _ => "same" };
            html.Append("<div class=\"").Append(css).Append("\">").Append(line.Kind).Append(' ').Append(Html.E(line.Text)).Append("</div>");
        }
        html.Append("</div></section>");
    }

    private static void Variables(StringBuilder html)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"vars-h\"><h2 id=\"vars-h\">Variables</h2><p class=\"muted\">Templates see these and nothing else; an unknown name or filter is refused. HTML parts escape every value.</p><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Variables</th><th scope=\"col\">Meaning</th></tr></thead><tbody>");
        foreach (var (name, meaning) in TemplateVariables.All)
            html.Append("<tr><td><code>").Append(Html.E(name)).Append("</code></td><td>").Append(Html.E(meaning)).Append("</td></tr>");
        html.Append("</tbody></table></div></section>");
    }

    private static string Select(string label, string name, IEnumerable<string> values, string selected, Func<string, string>? text = null)
    {
        var id = StudioHtml.Id("pick-" + name);
        var options = string.Concat(values.Select(v => $"<option value=\"{Html.E(v)}\"{(v == selected ? " selected" : "")}>{Html.E(text?.Invoke(v) ?? v)}</option>"));
        return $"<label for=\"{id}\">{label}<select id=\"{id}\" name=\"{name}\" data-testid=\"pick-{name}\">{options}</select></label>";
    }

    private static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{Html.E(value)}\">";
}
