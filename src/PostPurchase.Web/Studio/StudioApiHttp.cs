using System.Text;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Api;
using PostPurchase.Web.Security;

namespace PostPurchase.Web.Studio;

/// <summary><c>GET/PUT /api/studio/settings</c>: the whole settings document for scripts and CI (API key), the same checks as the studio.</summary>
public static class StudioApiHttp
{
    private const int MaxDocumentBytes = 2 * 1024 * 1024;

    /// <summary>The version in force as JSON, with its number in the <c>ETag</c> header (<c>"v3"</c>).</summary>
    public static async Task<IResult> GetAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ApiKeyGate.Refuse(http) is { } refused)
            return refused;
        var live = await http.RequestServices.GetRequiredService<IStudioSettings>().CurrentAsync(http.RequestAborted);
        http.Response.Headers.ETag = $"\"v{live.Version}\"";
        return Results.Text(StudioJson.Write(live.Stored.Settings), "application/json", Encoding.UTF8);
    }

    /// <summary>Validates and saves a whole document as the next version: 200 with the version, 400 naming every error (nothing saved), 412 when <c>If-Match</c> names an older version.</summary>
    public static async Task<IResult> PutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ApiKeyGate.Refuse(http) is { } refused)
            return refused;
        if (http.Request.ContentLength > MaxDocumentBytes)
            return ApiProblems.TooLarge();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var (settings, errors) = StudioJson.Read(await reader.ReadToEndAsync(http.RequestAborted));
        if (settings is null)
            return Invalid(errors);
        int? basedOn = http.Request.Headers.IfMatch.ToString().Trim('"', ' ') is ['v', .. var n] && int.TryParse(n, out var v) ? v : null;
        var studio = http.RequestServices.GetRequiredService<IStudioSettings>();
        var who = StudioSession.KeyFingerprint(http.RequestServices.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.ApiKey);
        var outcome = await studio.SaveAsync(settings, who, "Imported through the API", basedOn, http.RequestAborted);
        if (outcome.ConflictWith is { } newer)
            return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "Settings changed meanwhile", $"Version {newer} is in force now; GET it, apply your change and PUT again with If-Match: \"v{newer}\".");
        if (outcome.Saved is not { } saved)
            return Invalid(outcome.Errors);
        http.Response.Headers.ETag = $"\"v{saved.Version}\"";
        return Results.Json(new { version = saved.Version, changed = outcome.Changed, savedBy = saved.SavedBy, savedAt = saved.SavedAt });
    }

    private static IResult Invalid(IReadOnlyList<SettingsError> errors) =>
        ApiProblems.Invalid(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()[(e.Path.Length + 2)..]).ToArray()),
            "The settings document was refused and nothing changed; see 'errors' for each value.");
}
