using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>
/// Table <c>StudioSettings</c>, one partition: row <c>current</c> (the version in force, ETag-guarded) and one row
/// <c>v0000000042</c> per version (document, who, when, note). A save writes both in one transaction.
/// </summary>
internal sealed class SettingsStore(StorageAccount storage)
{
    private const string Partition = "settings";
    private const string CurrentRow = "current";
    private readonly TableClient _table = storage.Table("StudioSettings");
    private volatile bool _created;

    /// <summary>The current version (0 when nothing was saved) and the ETag to save against.</summary>
    public async Task<(int Version, ETag? ETag)> CurrentAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, CurrentRow, ["Version"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? (entity.GetInt32("Version") ?? 0, entity.ETag) : (0, null);
    }

    public async Task<StoredSettings?> GetAsync(int version, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    /// <summary>Every saved version, newest first.</summary>
    public async Task<IReadOnlyList<StoredSettings>> ListAsync(int take, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredSettings>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.RowKey.CompareTo("v") >= 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(Read(entity));
        return rows.OrderByDescending(r => r.Version).Take(take).ToList();
    }

    /// <summary>Writes <paramref name="stored"/> and makes it current in one transaction; false when the current row changed since <paramref name="etag"/>.</summary>
    public async Task<bool> TryAppendAsync(StoredSettings stored, ETag? etag, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, RowKey(stored.Version))
        {
            ["Version"] = stored.Version,
            ["SavedBy"] = stored.SavedBy,
            ["SavedAt"] = stored.SavedAt,
            ["Note"] = stored.Note,
        };
        ChunkedText.Write(row, "Document", JsonSerializer.Serialize(stored.Settings, CoreJson.Options));
        var current = new TableEntity(Partition, CurrentRow) { ["Version"] = stored.Version };
        TableTransactionAction pointer = etag is { } tag
            ? new(TableTransactionActionType.UpdateReplace, current, tag)
            : new(TableTransactionActionType.Add, current);
        try
        {
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, row), pointer], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
            return;
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }

    private static StoredSettings Read(TableEntity entity)
    {
        var json = ChunkedText.Read(entity, "Document") ?? throw new InvalidDataException($"Studio settings row {entity.RowKey} has no document.");
        var settings = (JsonSerializer.Deserialize<StudioSettings>(json, CoreJson.Options)
            ?? throw new InvalidDataException($"Studio settings row {entity.RowKey} holds a null document.")).Normalized();
        return new StoredSettings(entity.GetInt32("Version") ?? 0, settings, entity.GetString("SavedBy") ?? "", entity.GetDateTimeOffset("SavedAt"), entity.GetString("Note") ?? "");
    }

    private static string RowKey(int version) => "v" + version.ToString("D10", CultureInfo.InvariantCulture);
}
