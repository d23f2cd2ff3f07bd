namespace PostPurchase.Web.Api;

/// <summary>The answer to a carrier webhook: how many events were routed to orders, parked or seen before.</summary>
public sealed record WebhookReceipt(string Provider, int Routed, int Parked, int Duplicates);
