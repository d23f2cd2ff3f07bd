namespace PostPurchase.Infrastructure.Storage;

/// <summary>How PostPurchase's storage clients authorise their requests.</summary>
public enum StorageCredentialKind
{
    /// <summary>The account key or SAS inside a connection string.</summary>
    ConnectionString,

    /// <summary>An Entra ID token of the app's managed identity (<c>__credential=managedidentity</c>).</summary>
    ManagedIdentity,

    /// <summary>The default Azure credential chain: a developer's sign-in locally, the managed identity on Azure.</summary>
    Default,

    /// <summary>A token source given in code.</summary>
    Custom,
}
