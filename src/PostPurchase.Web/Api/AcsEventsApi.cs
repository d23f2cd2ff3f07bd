using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Acs;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>
/// POST /api/webhooks/acs/events: ACS Email delivery and engagement reports through Event Grid. Checks the subscription's key,
/// answers the validation handshake, and raises each report as a status input of the message whose operation id it names (an
/// engagement report — the buyer opened or clicked — marks the email delivered and opened).
/// </summary>
public static partial class AcsEventsApi
{
    /// <summary>The logger category of ACS event deliveries.</summary>
    public const string LogCategory = "PostPurchase.Webhooks.Acs";

    /// <summary>The delivery header (an Event Grid delivery attribute) that may carry the key instead of the <c>key</c> query parameter.</summary>
    public const string KeyHeader = "x-postpurchase-key";

    /// <summary>Event Grid batches up to 1 MB per delivery.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>200 with the validation response, or with how many reports were applied; 401 for a missing or wrong key; 400 for a body that is not Event Grid's.</summary>
    public static async Task<IResult> ReceiveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var expected = services.GetRequiredService<IOptionsSnapshot<PostPurchaseOptions>>().Value.Email.EventGridKey;
        if (string.IsNullOrEmpty(expected) || !KeyMatches(Presented(context.Request), expected))
        {
            LogRefused(log, string.IsNullOrEmpty(expected) ? "no PostPurchase:Email:EventGridKey is configured" : "the key is missing or wrong");
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                "ACS events must carry the configured key in the 'key' query parameter or the x-postpurchase-key header.");
        }
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted, MaxBytes).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.TooLarge();
        }
        AcsEventBatch batch;
        try
        {
            batch = AcsEventGrid.Parse(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return ApiProblems.Invalid("body", ex is FormatException ? ex.Message : "The body is not valid JSON.", "Expected an Event Grid event array.");
        }
        if (batch.ValidationCode is { } code)
        {
            LogValidated(log);
            return Results.Ok(new ValidationAnswer(code));
        }
        var index = services.GetRequiredService<IProviderMessageIndex>();
        var workflows = services.GetRequiredService<IOrderWorkflows>();
        var applied = 0;
        foreach (var report in batch.Reports)
        {
            if (AcsEventGrid.StatusOf(report.Status) is not { } status)
            {
                continue;
            }
            if (await index.FindAsync(AcsEmailSender.IndexName, report.OperationId, context.RequestAborted).ConfigureAwait(false) is not { } message)
            {
                LogUnknownOperation(log, report.OperationId, report.Status);
                continue;
            }
            var error = status == MessageStatus.Delivered ? null : $"ACS reported {report.Status}: {report.Detail ?? "no detail"}";
            var input = new MessageStatusChanged(message.MessageKey, status, report.OperationId, error, Opened: report.Opened);
            if (await workflows.RaiseAsync(message.OrderId, input, context.RequestAborted).ConfigureAwait(false))
            {
                applied++;
            }
        }
        return Results.Ok(new ReportsAnswer(batch.Reports.Count, applied));
    }

    private static string? Presented(HttpRequest request) =>
        request.Headers.TryGetValue(KeyHeader, out var header) && header.Count > 0 ? header[0] : request.Query["key"].FirstOrDefault();

    private static bool KeyMatches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The answer Event Grid expects to the subscription validation event.</summary>
    public sealed record ValidationAnswer(string ValidationResponse);

    /// <summary>How many delivery reports came and how many moved a message on.</summary>
    public sealed record ReportsAnswer(int Received, int Applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS event delivery refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS Event Grid subscription validated")]
    private static partial void LogValidated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS delivery report {Status} for operation {OperationId}, which no message here sent; ignored")]
    private static partial void LogUnknownOperation(ILogger logger, string operationId, string status);
}
