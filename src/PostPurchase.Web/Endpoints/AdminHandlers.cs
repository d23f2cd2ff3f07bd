using System.Globalization;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Api;
using PostPurchase.Web.Security;

namespace PostPurchase.Web.Endpoints;

/// <summary>Operator routes under <c>/api/admin</c>, behind the API key; both runtimes route to these handlers.</summary>
public static class AdminHandlers
{
    /// <summary>GET /api/admin/poison?max=50: inputs that failed every retry, newest first.</summary>
    public static async Task<IResult> GetPoisonInputsAsync(HttpContext context)
    {
        if (ApiKeyGate.Refuse(context) is { } refusal)
        {
            return refusal;
        }
        var text = context.Request.Query["max"].ToString();
        int? max = null;
        if (text.Length > 0)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.Invalid("max", "Must be a whole number between 1 and 1000.");
            }
            max = parsed;
        }
        var runtime = context.RequestServices.GetRequiredService<IWorkflowRuntime>();
        return await AdminApi.GetPoisonAsync(runtime, max, context.RequestAborted).ConfigureAwait(false);
    }
}
