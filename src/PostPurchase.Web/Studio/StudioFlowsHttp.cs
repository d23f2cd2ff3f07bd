using PostPurchase.Core.Studio;
using PostPurchase.Web.Pages.Studio;

namespace PostPurchase.Web.Studio;

/// <summary><c>/studio/flows</c>: shared handlers for both runtimes.</summary>
public static class StudioFlowsHttp
{
    /// <summary><c>GET /studio/flows</c>.</summary>
    public static async Task<IResult> PageAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        var live = await s.Settings.CurrentAsync(s.Aborted);
        return s.Page(StudioFlowsPage.Render(s.Chrome(), live, live.Policy, [], StudioHttp.Notice(http.Request.Query["saved"], http.Request.Query["unchanged"])));
    }

    /// <summary><c>POST /studio/flows</c>: preview the sentences of the draft, or validate and save it as a new version.</summary>
    public static async Task<IResult> PostAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var errors = new List<SettingsError>();
        var draft = FlowsForm.Read(form, live.Stored.Settings.Policy, errors);
        if (errors.Count == 0)
            StudioValidator.Timings(draft, errors);
        if (form["action"] != "save" || errors.Count > 0)
        {
            return s.Page(StudioFlowsPage.Render(s.Chrome(), live, draft, errors, null),
                errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        var outcome = await s.Settings.SaveAsync(live.Stored.Settings with { Policy = draft }, s.Who(form["savedBy"]), "Flows and timings saved in the studio",
            StudioBrandingHttp.BasedOn(form), s.Aborted);
        return StudioResults.AfterSave(s, outcome, "/studio/flows", () => StudioFlowsPage.Render(s.Chrome(), live, draft, outcome.Errors, StudioResults.Conflict(outcome)));
    }
}
