namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Finds orders by what a webhook knows of them: a phone number (Twilio) or a message key (status callbacks).</summary>
public interface IOrderDirectory
{
    /// <summary>Order ids whose buyer has this E.164 phone number, for STOP/START across all orders.</summary>
    Task<IReadOnlyList<string>> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken);
}
