using System.Globalization;
using System.Text;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Studio;

namespace PostPurchase.Web.Studio;

/// <summary>The studio overview, a version's changes, revert, export and import: shared handlers for both runtimes.</summary>
public static class StudioHttp
{
    private const int HistoryShown = 50;

    /// <summary><c>GET /studio</c>.</summary>
    public static async Task<IResult> OverviewAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        return s.Page(await OverviewHtmlAsync(s, Notice(http.Request.Query["saved"], http.Request.Query["unchanged"])));
    }

    /// <summary><c>GET /studio/versions/{version}</c>.</summary>
    public static async Task<IResult> VersionAsync(HttpContext http, string version)
    {
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || await s.Settings.GetAsync(n, s.Aborted) is not { } stored)
            return s.Page(s.Chrome().Render("Not found", $"<h1>No settings version {Html(version)}</h1>"), StatusCodes.Status404NotFound);
        var previous = n == 0 ? null : await s.Settings.GetAsync(n - 1, s.Aborted);
        return s.Page(StudioVersionPage.Render(s.Chrome(), await s.Settings.CurrentAsync(s.Aborted), stored, previous));
    }

    /// <summary><c>POST /studio/versions/{version}/revert</c>: the version's document saved again as the next version.</summary>
    public static async Task<IResult> RevertAsync(HttpContext http, string version)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return Results.NotFound();
        var outcome = await s.Settings.RevertAsync(n, s.Who(null), s.Aborted);
        return outcome.Saved is { } saved
            ? Results.Redirect($"/studio?{(outcome.Changed ? "saved" : "unchanged")}={saved.Version}")
            : s.Page(await OverviewHtmlAsync(s, null, outcome.Errors), StatusCodes.Status404NotFound);
    }

    /// <summary><c>GET /studio/export</c>: the version in force as an indented JSON download.</summary>
    public static async Task<IResult> ExportAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        var live = await s.Settings.CurrentAsync(s.Aborted);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"postpurchase-settings-v{live.Version}.json\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(StudioJson.Write(live.Stored.Settings), "application/json", Encoding.UTF8);
    }

    /// <summary><c>POST /studio/import</c>: a whole document, validated before it applies; any error changes nothing.</summary>
    public static async Task<IResult> ImportAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var document = form["document"].ToString();
        var (settings, errors) = StudioJson.Read(document);
        if (settings is null)
            return s.Page(await OverviewHtmlAsync(s, null, errors, document), StatusCodes.Status400BadRequest);
        var outcome = await s.Settings.SaveAsync(settings, s.Who(form["savedBy"]), "Imported", null, s.Aborted);
        return outcome.Saved is { } saved
            ? Results.Redirect($"/studio?{(outcome.Changed ? "saved" : "unchanged")}={saved.Version}")
            : s.Page(await OverviewHtmlAsync(s, null, outcome.Errors, document), StatusCodes.Status400BadRequest);
    }

    /// <summary>The banner after a save: which version is now in force.</summary>
    internal static string? Notice(string? saved, string? unchanged) =>
        saved is { Length: > 0 } ? $"Saved as version {saved}. It applies to new orders now and to running orders from their next step."
        : unchanged is { Length: > 0 } ? $"Nothing changed: version {unchanged} already has these settings."
        : null;

    private static async Task<string> OverviewHtmlAsync(StudioSession s, string? notice, IReadOnlyList<SettingsError>? errors = null, string? draft = null)
    {
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var history = await s.Settings.HistoryAsync(HistoryShown, s.Aborted);
        return StudioOverviewPage.Render(s.Chrome(), live, history, notice, errors, draft);
    }

    private static string Html(string value) => System.Net.WebUtility.HtmlEncode(value);
}
