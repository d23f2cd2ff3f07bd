using PostPurchase.Infrastructure.Studio;

namespace PostPurchase.Web.Studio;

/// <summary>What every studio save answers: a redirect with the new version, or the form again with the errors or the conflict.</summary>
internal static class StudioResults
{
    public static IResult AfterSave(StudioSession s, SaveOutcome outcome, string page, Func<string> formAgain)
    {
        if (outcome.Saved is { } saved)
            return Results.Redirect($"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{(outcome.Changed ? "saved" : "unchanged")}={saved.Version}");
        return s.Page(formAgain(), outcome.ConflictWith is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
    }

    public static string? Conflict(SaveOutcome outcome) => outcome.ConflictWith is { } newer
        ? $"Not saved: version {newer} was saved meanwhile. Your changes are still in the form; reload the page to see version {newer}, then apply them again."
        : null;
}
