using System.Text;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Pages.Studio;

/// <summary><c>/studio</c>: the version in force, what it does in plain sentences, the version history, export and import.</summary>
internal static class StudioOverviewPage
{
    public static string Render(DashboardChrome chrome, LiveSettings live, IReadOnlyList<StoredSettings> history, string? notice,
        IReadOnlyList<SettingsError>? importErrors = null, string? importDraft = null)
    {
        var html = StudioHtml.Start("Studio", "/studio", live, notice);
        html.Append("<section class=\"card\" aria-labelledby=\"now-h\"><h2 id=\"now-h\">What happens now</h2><ul data-testid=\"sentences\">");
        foreach (var sentence in Enum.GetValues<Intent>().Select(i => ChannelFlows.Describe(live.Policy, i)).Concat(TimingSentences.Describe(live.Policy)))
            html.Append("<li>").Append(Html.E(sentence)).Append("</li>");
        html.Append("</ul></section>")
            .Append("<section class=\"card info\" aria-labelledby=\"running-h\"><h2 id=\"running-h\">What applies to running orders</h2><p data-testid=\"running-orders\">")
            .Append(Html.E(StudioHtml.RunningOrders)).Append("</p></section>");
        Versions(html, chrome, history, live.Version);
        html.Append("<section class=\"card\" aria-labelledby=\"io-h\"><h2 id=\"io-h\">Export and import</h2>")
            .Append("<p>The whole settings document as JSON, to review in git or to move between environments: <a href=\"/studio/export\" download data-testid=\"export\">Download settings.json</a>.</p>");
        StudioHtml.Errors(html, importErrors ?? [], "Not imported: fix these first");
        html.Append(chrome.Form("/studio/import",
            StudioHtml.Area("Settings document (JSON)", "document", importDraft, 8, "Checked whole before it applies; a document with any error changes nothing.") +
            StudioHtml.Field("Your name for the version history (optional)", "savedBy", null),
            "Check and import", "import")).Append("</section>");
        return chrome.Render("Studio", html.ToString());
    }

    private static void Versions(StringBuilder html, DashboardChrome chrome, IReadOnlyList<StoredSettings> history, int current)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"versions-h\"><h2 id=\"versions-h\">Versions</h2><div class=\"table-wrap\"><table data-testid=\"versions\"><thead><tr>")
            .Append("<th scope=\"col\">Version</th><th scope=\"col\">Saved by</th><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Changes</th><th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>");
        for (var i = 0; i < history.Count; i++)
        {
            var version = history[i];
            var previous = i + 1 < history.Count ? history[i + 1] : null;
            var changes = previous is null ? "—" : SettingsDiff.Between(previous.Settings, version.Settings).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            html.Append("<tr data-testid=\"version-row\" data-version=\"").Append(version.Version).Append("\"><td><a href=\"/studio/versions/").Append(version.Version).Append("\">")
                .Append(version.Version).Append("</a>").Append(version.Version == current ? " <span class=\"badge delivered\">in force</span>" : "").Append("</td><td>")
                .Append(Html.E(version.SavedBy)).Append("</td><td>").Append(StudioHtml.When(version.SavedAt)).Append("</td><td>").Append(Html.E(version.Note)).Append("</td><td>")
                .Append(changes).Append("</td><td>");
            if (version.Version != current)
                html.Append(chrome.Form($"/studio/versions/{version.Version}/revert", "", $"Revert to version {version.Version}", "revert", "secondary"));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></div></section>");
    }
}
