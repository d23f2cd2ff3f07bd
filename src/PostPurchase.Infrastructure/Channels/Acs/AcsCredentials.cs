using Azure.Core;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>How requests to ACS authenticate: the access key of the connection string, else an Entra ID token.</summary>
internal sealed class AcsCredentials(AcsConnectionString connection, Func<TokenCredential> tokenCredential)
{
    /// <summary>The scope of Entra ID tokens for Communication Services.</summary>
    public const string Scope = "https://communication.azure.com/.default";

    private readonly Lazy<TokenCredential> _token = new(tokenCredential);

    /// <summary>The resource endpoint and, when present, the access key.</summary>
    public AcsConnectionString Connection { get; } = connection;

    /// <summary>The token source used when the connection string has no access key.</summary>
    public TokenCredential TokenCredential => _token.Value;
}
