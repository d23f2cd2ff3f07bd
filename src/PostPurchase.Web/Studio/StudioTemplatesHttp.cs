using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Web.Pages.Studio;

namespace PostPurchase.Web.Studio;

/// <summary><c>/studio/templates</c>: the editor, its live preview, save and test send; shared handlers for both runtimes.</summary>
public static class StudioTemplatesHttp
{
    private const int RecentOrders = 20;

    /// <summary><c>GET /studio/templates?intent=&amp;channel=&amp;locale=&amp;part=&amp;order=</c>.</summary>
    public static async Task<IResult> PageAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var s = StudioSession.For(http);
        if (s.Challenge() is { } challenge)
            return challenge;
        var query = http.Request.Query;
        var target = TemplateTarget.From(name => query[name]);
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var (source, overridden) = target.Source(live.Stored.Settings);
        var notice = query["sent"].ToString() is { Length: > 0 } sent ? sent : StudioHttp.Notice(query["saved"], query["unchanged"]);
        return s.Page(StudioTemplatesPage.Render(s.Chrome(), live, await EditorAsync(s, live, target, source, overridden, query["order"]), [], notice));
    }

    /// <summary><c>POST /studio/templates</c>: preview, save (refused with line and column when the template fails) or go back to the built-in template.</summary>
    public static async Task<IResult> PostAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var target = TemplateTarget.From(name => form[name]);
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var action = form["action"].ToString();
        var source = action == "default" ? target.Default : form["source"].ToString();
        var editor = await EditorAsync(s, live, target, source, live.Stored.Settings.Templates.ContainsKey(target.Key), form["order"], form["whatsAppSid"]);
        if (action is not ("save" or "default") || editor.Preview.Error is not null)
        {
            var errors = editor.Preview.Error is { } error && action == "save" ? [error] : Array.Empty<SettingsError>();
            return s.Page(StudioTemplatesPage.Render(s.Chrome(), live, editor, errors, null), errors.Length > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        var draft = TemplatePreview.Draft(live.Stored.Settings, target, action == "default" ? null : source);
        if (target.Channel == Channel.WhatsApp)
            draft = draft with { WhatsAppTemplates = WithSid(draft.WhatsAppTemplates, target.WhatsAppKey, form["whatsAppSid"]) };
        var outcome = await s.Settings.SaveAsync(draft, s.Who(form["savedBy"]), action == "default" ? $"Template {target.Key} back to the built-in one" : $"Template {target.Key} saved in the studio",
            StudioBrandingHttp.BasedOn(form), s.Aborted);
        return StudioResults.AfterSave(s, outcome, $"/studio/templates?{target.Query(form["order"])}",
            () => StudioTemplatesPage.Render(s.Chrome(), live, editor, outcome.Errors, StudioResults.Conflict(outcome)));
    }

    /// <summary><c>POST /studio/templates/preview</c>: the live preview as JSON, for the editor's script while the merchant types.</summary>
    public static async Task<IResult> PreviewAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var target = TemplateTarget.From(name => form[name]);
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var (order, links) = await OrderAsync(s, form["order"]);
        var preview = TemplatePreview.Render(live, target, form["source"].ToString(), order, links);
        return Results.Json(new
        {
            ok = preview.Error is null,
            subject = preview.Content?.Subject,
            html = preview.Content?.Html,
            text = preview.Content?.Text,
            length = preview.Length is { } l ? StudioTemplatesPage.Length(l) : null,
            segments = preview.Length?.Segments,
            encoding = preview.Length?.Encoding.ToString(),
            error = preview.Error?.ToString(),
            line = preview.Error?.Line,
            column = preview.Error?.Column,
        });
    }

    internal static async Task<(TimelineState? Order, Core.Messages.MessageLinks? Links)> OrderAsync(StudioSession s, string? orderId)
    {
        if (string.IsNullOrWhiteSpace(orderId) || await s.Dash.Workflows.GetAsync(orderId, s.Aborted) is not { } snapshot)
            return (null, null);
        return (snapshot.State, s.Http.RequestServices.GetRequiredService<CustomerLinks>().For(orderId));
    }

    private static async Task<StudioTemplatesPage.Editor> EditorAsync(StudioSession s, LiveSettings live, TemplateTarget target, string source, bool overridden, string? orderId, string? sid = null)
    {
        var (order, links) = await OrderAsync(s, orderId);
        var recent = s.Http.RequestServices.GetService<IOrderCatalog>() is { } catalog
            ? (await catalog.ListAsync(RecentOrders, s.Aborted)).Select(o => o.State.Order.OrderId).ToList()
            : [];
        var mapped = sid ?? live.Stored.Settings.WhatsAppTemplates.GetValueOrDefault(target.WhatsAppKey);
        return new StudioTemplatesPage.Editor(target, source, overridden, order is null ? null : orderId, recent, TemplatePreview.Render(live, target, source, order, links), mapped);
    }

    private static Dictionary<string, string> WithSid(IReadOnlyDictionary<string, string> templates, string key, string? sid)
    {
        var result = new Dictionary<string, string>(templates, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(sid))
            result.Remove(key);
        else
            result[key] = sid.Trim();
        return result;
    }
}
