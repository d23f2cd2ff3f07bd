using System.Globalization;
using System.Text;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Studio;

namespace PostPurchase.Web.Pages.Studio;

/// <summary>The studio pages' shared pieces: section navigation, error lists, the version line, labelled fields.</summary>
internal static class StudioHtml
{
    /// <summary>What a saved version changes for orders already running; shown on the studio pages and in docs/studio.md.</summary>
    public const string RunningOrders =
        "Saving makes a new version, used by both runtimes within seconds. New orders follow it from the start; a running order follows it " +
        "from its next step (a carrier scan, a buyer's action or a wake-up). Messages render with the templates and branding in force when they go out. " +
        "Steps already planned keep their time and channels: a review request already scheduled keeps its day. Delay thresholds are checked against the version in force at each step.";

    private static readonly (string Path, string Label)[] Sections =
    [
        ("/studio", "Overview"), ("/studio/branding", "Branding"), ("/studio/flows", "Flows and timings"), ("/studio/templates", "Templates"),
    ];

    public static StringBuilder Start(string title, string path, LiveSettings live, string? notice)
    {
        var html = new StringBuilder(16_384);
        html.Append("<nav class=\"studio-nav\" aria-label=\"Studio\">");
        foreach (var (href, label) in Sections)
            html.Append("<a href=\"").Append(href).Append('"').Append(href == path ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a>");
        html.Append("</nav><h1>").Append(Html.E(title)).Append("</h1>")
            .Append("<p class=\"muted\" data-testid=\"version\" data-version=\"").Append(live.Version).Append("\">").Append(Html.E(VersionLine(live.Stored))).Append("</p>");
        if (notice is not null)
            html.Append("<p class=\"card info\" role=\"status\" data-testid=\"notice\">").Append(Html.E(notice)).Append("</p>");
        return html;
    }

    public static string VersionLine(StoredSettings stored) => stored.Version == 0
        ? "In force: version 0, the configuration file's settings (nothing saved in the studio yet)."
        : $"In force: version {stored.Version}, saved by {stored.SavedBy} on {When(stored.SavedAt)}.";

    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static void Errors(StringBuilder html, IReadOnlyList<SettingsError> errors, string heading = "Not saved: fix these first")
    {
        if (errors.Count == 0)
            return;
        html.Append("<section class=\"card error-list\" role=\"alert\" aria-labelledby=\"errors-h\" data-testid=\"errors\"><h2 id=\"errors-h\">").Append(Html.E(heading)).Append("</h2><ul>");
        foreach (var error in errors)
        {
            html.Append("<li data-testid=\"error\" data-path=\"").Append(Html.E(error.Path)).Append('"');
            if (error.Line is { } line)
                html.Append(" data-line=\"").Append(line).Append("\" data-column=\"").Append(error.Column ?? 1).Append('"');
            html.Append("><code>").Append(Html.E(error.Path)).Append("</code> ").Append(Html.E(error.Message));
            if (error.Line is { } at)
                html.Append(" <strong>(line ").Append(at).Append(", column ").Append(error.Column ?? 1).Append(")</strong>");
            html.Append("</li>");
        }
        html.Append("</ul></section>");
    }

    public static string Field(string label, string name, string? value, string type = "text", string? hint = null)
    {
        var id = Id(name);
        var hintId = hint is null ? "" : $" aria-describedby=\"{id}-hint\"";
        return $"<label for=\"{id}\">{Html.E(label)}</label>{(hint is null ? "" : $"<span class=\"muted hint\" id=\"{id}-hint\">{Html.E(hint)}</span>")}" +
            $"<input type=\"{type}\" id=\"{id}\" name=\"{Html.E(name)}\" value=\"{Html.E(value)}\"{hintId}>";
    }

    public static string Area(string label, string name, string? value, int rows = 4, string? hint = null)
    {
        var id = Id(name);
        var hintId = hint is null ? "" : $" aria-describedby=\"{id}-hint\"";
        return $"<label for=\"{id}\">{Html.E(label)}</label>{(hint is null ? "" : $"<span class=\"muted hint\" id=\"{id}-hint\">{Html.E(hint)}</span>")}" +
            $"<textarea id=\"{id}\" name=\"{Html.E(name)}\" rows=\"{rows}\" spellcheck=\"false\"{hintId}>{Html.E(value)}</textarea>";
    }

    public static string Check(string label, string name, bool on, string? testId = null) =>
        $"<label class=\"check\"><input type=\"checkbox\" name=\"{Html.E(name)}\" value=\"on\"{(on ? " checked" : "")}{(testId is null ? "" : $" data-testid=\"{testId}\"")}> {Html.E(label)}</label>";

    /// <summary>The save buttons with the optional name for the history and the version the editor started from.</summary>
    public static string SaveBar(int basedOn) =>
        $"<input type=\"hidden\" name=\"basedOn\" value=\"{basedOn}\">" +
        Field("Your name for the version history (optional)", "savedBy", null) +
        "<p class=\"actions\"><button type=\"submit\" name=\"action\" value=\"preview\" class=\"secondary\" data-testid=\"preview-button\">Preview</button> " +
        "<button type=\"submit\" name=\"action\" value=\"save\" data-testid=\"save\">Save as a new version</button></p>";

    /// <summary>A POST form with the anti-forgery field and no button of its own (the inner markup brings its buttons).</summary>
    public static string Form(Dashboard.DashboardChrome chrome, string action, string inner, string testId) =>
        $"<form method=\"post\" action=\"{Html.E(action)}\" data-testid=\"{testId}\">{PageLayout.Antiforgery(chrome.Antiforgery)}{inner}</form>";

    public static string Id(string name) => "f-" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
