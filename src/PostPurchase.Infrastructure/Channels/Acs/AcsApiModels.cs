namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>The ACS <c>EmailMessage</c> request body (api-version 2023-03-31).</summary>
internal sealed record AcsEmailMessage(
    string SenderAddress,
    AcsEmailContent Content,
    AcsEmailRecipients Recipients,
    IReadOnlyList<AcsEmailAddress>? ReplyTo,
    IReadOnlyDictionary<string, string>? Headers,
    bool UserEngagementTrackingDisabled);

/// <summary>Subject and bodies.</summary>
internal sealed record AcsEmailContent(string Subject, string? PlainText, string? Html);

/// <summary>The recipients; PostPurchase sends to one buyer.</summary>
internal sealed record AcsEmailRecipients(IReadOnlyList<AcsEmailAddress> To);

/// <summary>An address with an optional display name.</summary>
internal sealed record AcsEmailAddress(string Address, string? DisplayName = null);

/// <summary><c>EmailSendResult</c>: the status of a send operation.</summary>
internal sealed record AcsOperationStatus(string? Id, string? Status, AcsError? Error);

/// <summary>ACS error details.</summary>
internal sealed record AcsError(string? Code, string? Message);

/// <summary><c>ErrorResponse</c>: the body of a failed request.</summary>
internal sealed record AcsErrorResponse(AcsError? Error);
