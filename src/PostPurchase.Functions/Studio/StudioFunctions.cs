using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Functions.Http;
using PostPurchase.Web.Studio;

namespace PostPurchase.Functions.Studio;

/// <summary>The merchant studio on the Function App: the shared handlers, on the same routes as the Host.</summary>
public sealed class StudioFunctions
{
    /// <summary>GET /studio: the version in force, its plain sentences, the history, export and import.</summary>
    [Function(nameof(StudioOverview))]
    public Task<IActionResult> StudioOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioHttp.OverviewAsync);

    /// <summary>GET /studio/versions/{version}: what a version changed, and revert.</summary>
    [Function(nameof(StudioVersion))]
    public Task<IActionResult> StudioVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/versions/{version}")] HttpRequest request,
        string version,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => StudioHttp.VersionAsync(http, version));

    /// <summary>POST /studio/versions/{version}/revert.</summary>
    [Function(nameof(StudioRevert))]
    public Task<IActionResult> StudioRevert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/versions/{version}/revert")] HttpRequest request,
        string version,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => StudioHttp.RevertAsync(http, version));

    /// <summary>GET /studio/export: the settings document as JSON.</summary>
    [Function(nameof(StudioExport))]
    public Task<IActionResult> StudioExport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/export")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioHttp.ExportAsync);

    /// <summary>POST /studio/import: a whole document, validated before it applies.</summary>
    [Function(nameof(StudioImport))]
    public Task<IActionResult> StudioImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioHttp.ImportAsync);

    /// <summary>GET /studio/branding.</summary>
    [Function(nameof(StudioBranding))]
    public Task<IActionResult> StudioBranding(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/branding")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioBrandingHttp.PageAsync);

    /// <summary>POST /studio/branding: preview or save.</summary>
    [Function(nameof(StudioBrandingSave))]
    public Task<IActionResult> StudioBrandingSave(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/branding")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioBrandingHttp.PostAsync);

    /// <summary>GET /studio/flows.</summary>
    [Function(nameof(StudioFlows))]
    public Task<IActionResult> StudioFlows(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/flows")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioFlowsHttp.PageAsync);

    /// <summary>POST /studio/flows: preview or save.</summary>
    [Function(nameof(StudioFlowsSave))]
    public Task<IActionResult> StudioFlowsSave(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/flows")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioFlowsHttp.PostAsync);

    /// <summary>GET /studio/templates: the Liquid editor.</summary>
    [Function(nameof(StudioTemplates))]
    public Task<IActionResult> StudioTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/templates")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioTemplatesHttp.PageAsync);

    /// <summary>POST /studio/templates: preview, save or back to the built-in template.</summary>
    [Function(nameof(StudioTemplatesSave))]
    public Task<IActionResult> StudioTemplatesSave(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/templates")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioTemplatesHttp.PostAsync);

    /// <summary>POST /studio/templates/preview: the live preview as JSON.</summary>
    [Function(nameof(StudioTemplatePreview))]
    public Task<IActionResult> StudioTemplatePreview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/templates/preview")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioTemplatesHttp.PreviewAsync);

    /// <summary>POST /studio/templates/test-send: the draft to one address or number, rate-limited.</summary>
    [Function(nameof(StudioTestSend))]
    public Task<IActionResult> StudioTestSend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "studio/templates/test-send")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioTestSendHttp.SendAsync);

    /// <summary>GET /api/studio/settings: the document in force (API key).</summary>
    [Function(nameof(GetStudioSettings))]
    public Task<IActionResult> GetStudioSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/studio/settings")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioApiHttp.GetAsync);

    /// <summary>PUT /api/studio/settings: a whole document saved as the next version (API key).</summary>
    [Function(nameof(PutStudioSettings))]
    public Task<IActionResult> PutStudioSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/studio/settings")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, StudioApiHttp.PutAsync);
}
