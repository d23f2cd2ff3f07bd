extern alias AzureIdentity;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Identity = AzureIdentity::Azure.Identity;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Where PostPurchase's own storage lives and how it signs in: a connection string, or service URIs with an Entra ID
/// token (the Azure Functions identity-based connection convention, so no account key is ever needed on Azure).
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The section read first; <see cref="FallbackSection"/> when it has neither a value nor identity settings.</summary>
    public const string Section = "PostPurchase:Storage";

    /// <summary>The Functions host's own storage connection, the fallback.</summary>
    public const string FallbackSection = "AzureWebJobsStorage";

    private readonly Lazy<TokenCredential>? _credential;

    private StorageConnection(string source, string? connectionString, Uri? tables, Uri? queues, Uri? blobs,
        StorageCredentialKind kind, string? clientId, Func<TokenCredential>? credential)
    {
        Source = source;
        ConnectionString = connectionString;
        TableServiceUri = tables;
        QueueServiceUri = queues;
        BlobServiceUri = blobs;
        CredentialKind = kind;
        ClientId = clientId;
        _credential = credential is null ? null : new Lazy<TokenCredential>(credential);
    }

    /// <summary>The setting this connection was read from (for messages; never the secret itself).</summary>
    public string Source { get; }

    /// <summary>The connection string, when that is how storage is reached; null with an identity.</summary>
    public string? ConnectionString { get; }

    /// <summary>Table service endpoint with an identity; null when not configured (or with a connection string).</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>Queue service endpoint with an identity.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>Blob service endpoint with an identity.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>How requests are authorised.</summary>
    public StorageCredentialKind CredentialKind { get; }

    /// <summary>The user-assigned identity's client id (<c>__clientId</c>); null for the system-assigned one.</summary>
    public string? ClientId { get; }

    /// <summary>The token source with an identity (created once, so tokens are cached per process); null with a connection string.</summary>
    public TokenCredential? Credential => _credential?.Value;

    /// <summary>Reads <c>PostPurchase:Storage</c>, falling back to <c>AzureWebJobsStorage</c>; each is a connection string or a section of identity settings.</summary>
    /// <exception cref="InvalidOperationException">Neither is set, or the identity settings are incomplete.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var name in new[] { Section, FallbackSection })
        {
            var section = configuration.GetSection(name);
            if (section.Value is { Length: > 0 } connectionString)
            {
                return FromConnectionString(connectionString, name);
            }
            if (HasIdentitySettings(section))
            {
                return FromIdentitySettings(section, name);
            }
        }
        throw new InvalidOperationException(
            "No storage configured. Set PostPurchase:Storage (env PostPurchase__Storage) to a connection string, e.g. " +
            "UseDevelopmentStorage=true for a local Azurite, or on Azure PostPurchase__Storage__accountName with " +
            "PostPurchase__Storage__credential=managedidentity (and __clientId for a user-assigned identity); " +
            "AzureWebJobsStorage and its __accountName settings are the fallback.");
    }

    /// <summary>A connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>).</summary>
    public static StorageConnection FromConnectionString(string connectionString, string source = Section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection(source, connectionString, null, null, null, StorageCredentialKind.ConnectionString, null, null);
    }

    /// <summary>Service endpoints with a token source of the caller's choosing (tests, custom credentials).</summary>
    public static StorageConnection FromCredential(TokenCredential credential, Uri? tableServiceUri, Uri? queueServiceUri, Uri? blobServiceUri, string source = Section)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(source, null, tableServiceUri, queueServiceUri, blobServiceUri, StorageCredentialKind.Custom, null, () => credential);
    }

    /// <summary>The endpoint of <paramref name="service"/>, or an error naming the setting that is missing.</summary>
    internal Uri RequireServiceUri(Uri? uri, string service) =>
        uri ?? throw new InvalidOperationException(
            $"{Source} has identity settings but no {service} endpoint: set {Source}:accountName, or {Source}:{service}ServiceUri " +
            $"(env {Source.Replace(":", "__", StringComparison.Ordinal)}__{service}ServiceUri).");

    /// <summary>Names the source and the way in, never a key.</summary>
    public override string ToString() => CredentialKind switch
    {
        StorageCredentialKind.ConnectionString => $"connection string from {Source}",
        _ => $"{CredentialKind} from {Source} (tables {TableServiceUri?.ToString() ?? "-"}, queues {QueueServiceUri?.ToString() ?? "-"}, blobs {BlobServiceUri?.ToString() ?? "-"})",
    };

    private static bool HasIdentitySettings(IConfigurationSection section) =>
        new[] { "accountName", "tableServiceUri", "queueServiceUri", "blobServiceUri", "serviceUri" }
            .Any(key => !string.IsNullOrWhiteSpace(section[key]));

    private static StorageConnection FromIdentitySettings(IConfigurationSection section, string source)
    {
        var account = section["accountName"];
        if (account is { Length: > 0 } && (account.Length is < 3 or > 24 || !account.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))))
        {
            throw new InvalidOperationException($"{source}:accountName must be a storage account name: 3 to 24 lower-case letters and digits.");
        }
        Uri? Endpoint(string service, params string[] keys)
        {
            foreach (var key in keys)
            {
                if (section[key] is { Length: > 0 } value)
                {
                    // Storage refuses Entra ID tokens over plain http, so an http endpoint could never work with an identity.
                    return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                        ? uri
                        : throw new InvalidOperationException($"{source}:{key} must be an absolute https URI, e.g. https://<account>.{service}.core.windows.net.");
                }
            }
            return account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net") : null;
        }

        var tables = Endpoint("table", "tableServiceUri");
        var queues = Endpoint("queue", "queueServiceUri");
        // serviceUri is the Functions convention's older name for the blob endpoint.
        var blobs = Endpoint("blob", "blobServiceUri", "serviceUri");
        var clientId = section["clientId"] is { Length: > 0 } id ? id : null;
        var credential = section["credential"];
        if (string.IsNullOrWhiteSpace(credential))
        {
            // No credential named: the developer's own sign-in locally, the (user-assigned when clientId is set) managed identity on Azure.
            return new StorageConnection(source, null, tables, queues, blobs, StorageCredentialKind.Default, clientId,
                () => new Identity.DefaultAzureCredential(new Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }));
        }
        if (!credential.Equals("managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{source}:credential '{credential}' is not supported: use managedidentity, or leave it out to use the default Azure credential.");
        }
        return new StorageConnection(source, null, tables, queues, blobs, StorageCredentialKind.ManagedIdentity, clientId,
            () => clientId is null
                ? new Identity.ManagedIdentityCredential(Identity.ManagedIdentityId.SystemAssigned)
                : new Identity.ManagedIdentityCredential(Identity.ManagedIdentityId.FromUserAssignedClientId(clientId)));
    }
}
