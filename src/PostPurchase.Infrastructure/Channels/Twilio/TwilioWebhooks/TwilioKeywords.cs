namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>Twilio's default opt-out, opt-in and help keywords: a single word, any case ("STOP please" is not one).</summary>
internal static class TwilioKeywords
{
    private static readonly HashSet<string> OptOut = new(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> OptIn = new(["START", "UNSTOP", "YES"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Help = new(["HELP", "INFO"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The keyword class of an inbound text; <paramref name="optOutType"/> (Advanced Opt-Out) wins when present.</summary>
    public static InboundKind Classify(string? body, string? optOutType)
    {
        var word = (string.IsNullOrWhiteSpace(optOutType) ? body : optOutType)?.Trim().TrimEnd('.', '!') ?? "";
        return OptOut.Contains(word) ? InboundKind.OptOut
            : OptIn.Contains(word) ? InboundKind.OptIn
            : Help.Contains(word) ? InboundKind.Help
            : InboundKind.Reply;
    }
}

/// <summary>What an inbound text asks for.</summary>
internal enum InboundKind
{
    /// <summary>STOP and its synonyms: revoke consent for the channel.</summary>
    OptOut,
    /// <summary>START, UNSTOP, YES: grant it again.</summary>
    OptIn,
    /// <summary>HELP, INFO: answer with the support contact.</summary>
    Help,
    /// <summary>Anything else: the buyer's own message.</summary>
    Reply,
}
