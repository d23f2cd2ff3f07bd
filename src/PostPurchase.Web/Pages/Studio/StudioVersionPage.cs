using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Pages.Studio;

/// <summary><c>/studio/versions/{n}</c>: who saved a version, when, why, every value it changed, and one-click revert.</summary>
internal static class StudioVersionPage
{
    public static string Render(DashboardChrome chrome, LiveSettings live, StoredSettings version, StoredSettings? previous)
    {
        var html = StudioHtml.Start($"Version {version.Version}", "", live, null);
        html.Append("<p>").Append(Html.E(version.Note)).Append(" — ").Append(Html.E(version.SavedBy)).Append(", ").Append(StudioHtml.When(version.SavedAt)).Append(".</p>");
        if (previous is not null)
        {
            var changes = SettingsDiff.Between(previous.Settings, version.Settings);
            html.Append("<section class=\"card\" aria-labelledby=\"diff-h\"><h2 id=\"diff-h\">Changes against version ").Append(previous.Version).Append("</h2>");
            if (changes.Count == 0)
                html.Append("<p>No value changed.</p>");
            else
            {
                html.Append("<div class=\"table-wrap\"><table data-testid=\"diff\"><thead><tr><th scope=\"col\">Setting</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>");
                foreach (var change in changes)
                {
                    html.Append("<tr data-testid=\"change\" data-path=\"").Append(Html.E(change.Path)).Append("\"><td><code>").Append(Html.E(change.Path)).Append("</code></td><td><pre>")
                        .Append(Html.E(change.Before ?? "(not set)")).Append("</pre></td><td><pre>").Append(Html.E(change.After ?? "(not set)")).Append("</pre></td></tr>");
                }
                html.Append("</tbody></table></div>");
            }
            html.Append("</section>");
        }
        if (version.Version != live.Version)
        {
            html.Append("<section class=\"card\" aria-labelledby=\"revert-h\"><h2 id=\"revert-h\">Revert</h2><p>Saves this version's settings again as a new version; the history keeps everything.</p>")
                .Append(chrome.Form($"/studio/versions/{version.Version}/revert", "", $"Revert to version {version.Version}", "revert")).Append("</section>");
        }
        return chrome.Render($"Studio version {version.Version}", html.ToString());
    }
}
