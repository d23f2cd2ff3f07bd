using System.Net.Mail;

namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>The shape of a deliverable address: one local part, one domain with a dot, no display name or spaces.</summary>
internal static class EmailAddresses
{
    /// <summary>The longest address SMTP carries (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>True when <paramref name="email"/> looks like an address mail can be sent to.</summary>
    public static bool IsValid(string email)
    {
        if (email.Length > MaxLength || email.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(email, out var parsed))
        {
            return false;
        }
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        return parsed.Address == email
            && at is > 0 and <= 64
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
