using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>
/// Reads and changes profile rows with optimistic concurrency: a change that lost a race is made again on the fresh row. The rows this
/// process last wrote are remembered with their ETag, so a change usually costs one request; a row changed elsewhere fails the ETag and is read.
/// </summary>
internal sealed class BuyerProfileRows(StorageAccount storage)
{
    private const string RowKey = "profile";
    private const string Column = "Profile";
    private const int MaxAttempts = 20;
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (BuyerProfile Profile, ETag ETag)> _written = new(StringComparer.Ordinal);

    public async Task<BuyerProfile?> GetAsync(string buyerKey, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return (await LoadAsync(buyerKey, cancellationToken).ConfigureAwait(false)).Profile;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the profile (a new, empty one when missing) and saves it unless it returned the same
    /// instance; null deletes the row. Returns what was saved.
    /// </summary>
    /// <param name="insertFirst">Try to add a new row before reading one (a buyer's first order costs one request instead of two).</param>
    public async Task<BuyerProfile?> UpdateAsync(string buyerKey, Func<BuyerProfile, BuyerProfile?> change, CancellationToken cancellationToken, bool insertFirst = false)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (insertFirst && !_written.ContainsKey(buyerKey) && change(new BuyerProfile()) is { } fresh)
        {
            try
            {
                await SaveAsync(buyerKey, fresh, null, cancellationToken).ConfigureAwait(false);
                return fresh;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                // A returning buyer: change the row they have.
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = attempt == 1 && _written.TryGetValue(buyerKey, out var known)
                ? (known.Profile, known.ETag)
                : await LoadAsync(buyerKey, cancellationToken).ConfigureAwait(false);
            var before = current ?? new BuyerProfile();
            var after = change(before);
            if (ReferenceEquals(after, before))
            {
                return current;
            }
            try
            {
                await SaveAsync(buyerKey, after, etag, cancellationToken).ConfigureAwait(false);
                return after;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound
                && attempt < MaxAttempts)
            {
                // Another order of the same buyer (maybe on another instance) changed the profile meanwhile: decide again on what it wrote.
                _written.TryRemove(buyerKey, out _);
            }
        }
    }

    private async Task<(BuyerProfile? Profile, ETag? ETag)> LoadAsync(string buyerKey, CancellationToken cancellationToken)
    {
        var row = await storage.Buyers.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(buyerKey), RowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!row.HasValue || ChunkedText.Read(row.Value!, Column) is not { } json)
        {
            return (null, null);
        }
        return (JsonSerializer.Deserialize<BuyerProfile>(json, CoreJson.Options), row.Value!.ETag);
    }

    private async Task SaveAsync(string buyerKey, BuyerProfile? profile, ETag? etag, CancellationToken cancellationToken)
    {
        var partition = KeyEncoder.Encode(buyerKey);
        if (profile is null)
        {
            _written.TryRemove(buyerKey, out _);
            if (etag is { } existing)
            {
                await storage.Buyers.DeleteEntityAsync(partition, RowKey, existing, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        var entity = new TableEntity(partition, RowKey) { ["Orders"] = profile.Orders.Count };
        ChunkedText.Write(entity, Column, JsonSerializer.Serialize(profile, CoreJson.Options));
        var response = etag is { } known
            ? await storage.Buyers.UpdateEntityAsync(entity, known, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await storage.Buyers.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        if (_written.Count >= MaxRemembered)
        {
            _written.Clear();
        }
        if (response.Headers.ETag is { } written)
        {
            _written[buyerKey] = (profile, written);
        }
    }
}
