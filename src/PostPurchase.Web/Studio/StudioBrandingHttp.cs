using PostPurchase.Core.Messages;
using PostPurchase.Core.Studio;
using PostPurchase.Web.Pages.Studio;

namespace PostPurchase.Web.Studio;

/// <summary><c>/studio/branding</c>: shared handlers for both runtimes.</summary>
public static class StudioBrandingHttp
{
    /// <summary><c>GET /studio/branding</c>: the form with the version in force and its previews.</summary>
    public static async Task<IResult> PageAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var notice = StudioHttp.Notice(http.Request.Query["saved"], http.Request.Query["unchanged"]);
        return s.Page(StudioBrandingPage.Render(s.Chrome(), live, live.Branding, [], notice, s.Dash.Time.GetUtcNow()));
    }

    /// <summary><c>POST /studio/branding</c>: preview the draft, or validate and save it as a new version.</summary>
    public static async Task<IResult> PostAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var draft = Read(form, live.Branding);
        var errors = new List<SettingsError>();
        StudioValidator.Branding(draft, errors);
        if (form["action"] != "save" || errors.Count > 0)
        {
            return s.Page(StudioBrandingPage.Render(s.Chrome(), live, draft, errors, null, s.Dash.Time.GetUtcNow()),
                errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        var outcome = await s.Settings.SaveAsync(live.Stored.Settings with { Branding = draft }, s.Who(form["savedBy"]), "Branding saved in the studio", BasedOn(form), s.Aborted);
        return StudioResults.AfterSave(s, outcome, "/studio/branding",
            () => StudioBrandingPage.Render(s.Chrome(), live, draft, outcome.Errors, StudioResults.Conflict(outcome), s.Dash.Time.GetUtcNow()));
    }

    internal static int? BasedOn(IFormCollection form) => int.TryParse(form["basedOn"], out var v) ? v : null;

    private static Branding Read(IFormCollection form, Branding current)
    {
        string? Value(string name) => form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        var summaries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var locale in LocaleFormat.Supported)
        {
            if (Value($"returnPolicy.{locale}") is { } text)
                summaries[locale] = text;
        }
        return current with
        {
            ShopName = Value("shopName") ?? "",
            LogoUrl = Value("logoUrl"),
            PrimaryColor = Value("primaryColor") ?? "",
            AccentColor = Value("accentColor") ?? "",
            SupportEmail = Value("supportEmail") ?? "",
            SupportPhone = Value("supportPhone"),
            ReturnPolicyUrl = Value("returnPolicyUrl") ?? "",
            ReviewUrl = Value("reviewUrl"),
            SenderName = Value("senderName"),
            ReturnPolicySummary = summaries,
        };
    }
}
