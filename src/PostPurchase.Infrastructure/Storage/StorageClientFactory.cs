using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Creates every storage client PostPurchase uses (tables, queues, blobs) from one <see cref="StorageConnection"/>, so the
/// same settings decide between a connection string and the managed identity everywhere.
/// </summary>
public sealed class StorageClientFactory(StorageConnection connection)
{
    /// <summary>The connection the clients are made from.</summary>
    public StorageConnection Connection { get; } = connection ?? throw new ArgumentNullException(nameof(connection));

    /// <summary>A table service client; <paramref name="options"/> carry retries and pipeline policies.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, options ?? new TableClientOptions())
            : new TableServiceClient(Connection.RequireServiceUri(Connection.TableServiceUri, "table"), Connection.Credential, options ?? new TableClientOptions());

    /// <summary>A queue service client.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, options ?? new QueueClientOptions())
            : new QueueServiceClient(Connection.RequireServiceUri(Connection.QueueServiceUri, "queue"), Connection.Credential, options ?? new QueueClientOptions());

    /// <summary>A blob service client.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options ?? new BlobClientOptions())
            : new BlobServiceClient(Connection.RequireServiceUri(Connection.BlobServiceUri, "blob"), Connection.Credential, options ?? new BlobClientOptions());
}
