using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The <c>Orders</c> table: one partition per order, written with one entity-group transaction per decision.</summary>
internal sealed class OrderStore(StorageAccount storage) : IOrderReadModelStore
{
    private const int MaxBatch = 100;

    /// <summary>The Function App creates its tables with the first order it indexes: until then no order exists.</summary>
    private const string TableNotFound = "TableNotFound";

    public async Task<LoadedState?> LoadAsync(string orderId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(
                KeyEncoder.Encode(orderId), StateRow.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? StateRow.FromEntity(response.Value!) : null;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == TableNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the new state (insert when <paramref name="previous"/> is null, else replace at its ETag), the new message rows
    /// and the new tracking-event rows in one transaction; <paramref name="open"/> records the open-orders index entries written before it. Returns null when another writer got there first (reload and retry).
    /// </summary>
    public async Task<CommitResult?> CommitAsync(
        LoadedState? previous, string orderId, TimelineState next, string inputId, IReadOnlyList<DateTimeOffset> indexedWakeAts,
        IReadOnlyList<TableEntity> messageRows, IReadOnlyList<TrackingEvent> newEvents, OpenKinds open, CancellationToken cancellationToken)
    {
        var applied = previous is null ? [inputId] : previous.WithApplied(inputId);
        var stateEntity = StateRow.ToEntity(orderId, next, applied, indexedWakeAts, open);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var actions = new List<TableTransactionAction>
            {
                previous is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, stateEntity)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateEntity, previous.ETag),
            };
            // Message rows are only ever inserted here: once a row exists the outbox owns its status.
            actions.AddRange(messageRows.Where(r => !skipped.Contains(r.RowKey)).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            actions.AddRange(newEvents.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventEntity(orderId, e))));
            if (actions.Count > MaxBatch)
            {
                throw new InvalidOperationException($"Order {orderId}: one decision wrote {actions.Count} rows; a transaction holds at most {MaxBatch}.");
            }

            try
            {
                var response = await storage.Orders.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);
                for (var i = 0; i < actions.Count; i++)
                {
                    etags[actions[i].Entity.RowKey] = response.Value[i].Headers.ETag ?? default;
                }

                var written = messageRows.Where(r => !skipped.Contains(r.RowKey)).ToList();
                foreach (var row in written)
                {
                    row.ETag = etags[row.RowKey];
                }

                return new CommitResult(new LoadedState(orderId, next, etags[StateRow.RowKey], applied, indexedWakeAts, open), written);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } index && index > 0
                && ex.Status == (int)HttpStatusCode.Conflict && actions[index].ActionType == TableTransactionActionType.Add)
            {
                // A message row with this key exists already (a redelivered decision): keep the existing row, it may be sent.
                skipped.Add(actions[index].Entity.RowKey);
            }
            catch (RequestFailedException ex) when (LostStateRowRace(ex))
            {
                return null;
            }
        }
    }

    public async Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        LoadedState? state = null;
        var messages = new List<MessageRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoder.Encode(orderId)}");
        try
        {
            await foreach (var entity in storage.Orders.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (entity.RowKey == StateRow.RowKey)
                {
                    state = StateRow.FromEntity(entity);
                }
                else if (entity.RowKey.StartsWith(MessageRow.Prefix, StringComparison.Ordinal))
                {
                    messages.Add(MessageRow.ToRecord(entity));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == TableNotFound)
        {
            return null;
        }

        return state is null ? null : Merge(state.State, messages);
    }

    /// <summary>
    /// Writes the snapshot unless a newer one (more inputs applied) is stored: an activity the Durable Task backend runs again
    /// after its host died can come minutes late with an older state, and must not take the order back in time. The state row
    /// is written at the ETag it was compared with, so a newer save in between is seen and compared again.
    /// </summary>
    public async Task SaveAsync(OrderSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var orderId = snapshot.State.Order.OrderId;
        var partition = KeyEncoder.Encode(orderId);
        var messages = snapshot.Messages.Select(m => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            MessageRow.ToEntity(orderId, m.Message, m.Subject is null && m.Body is null ? null : new(m.Subject, null, m.Body ?? ""), snapshot.State.Order.Customer.FirstName))).ToList();
        while (true)
        {
            var stored = await StoredVersionAsync(partition, cancellationToken).ConfigureAwait(false);
            if (stored is { Version: var version } && version > snapshot.State.Version)
            {
                return;
            }
            var state = StateRow.ToEntity(orderId, snapshot.State, []);
            var actions = new List<TableTransactionAction>
            {
                stored is { } row
                    ? new(TableTransactionActionType.UpdateReplace, state, row.ETag)
                    : new(TableTransactionActionType.Add, state),
            };
            actions.AddRange(messages);
            try
            {
                foreach (var chunk in actions.Chunk(MaxBatch))
                {
                    await storage.Orders.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (RequestFailedException ex) when (LostStateRowRace(ex))
            {
                // Another save wrote the state row since it was read: compare with what it wrote.
            }
        }
    }

    /// <summary>A conditional write met one it did not expect (the state row's ETag moved, or its insert found a row): another writer got there first.</summary>
    private static bool LostStateRowRace(RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed;

    private async Task<(int Version, ETag ETag)?> StoredVersionAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(partition, StateRow.RowKey, ["Version"], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? (response.Value!.GetInt32("Version") ?? 0, response.Value.ETag) : null;
    }

    /// <summary>The state's messages (including scheduled ones that have no row yet), each overlaid by its row when there is one.</summary>
    private static OrderSnapshot Merge(TimelineState state, List<MessageRecord> rows)
    {
        var byKey = rows.ToDictionary(r => r.Message.Key, StringComparer.Ordinal);
        var merged = new List<MessageRecord>();
        foreach (var message in state.Messages)
        {
            merged.Add(byKey.Remove(message.Key, out var row) ? row : new MessageRecord(message, null, null));
        }

        merged.AddRange(byKey.Values.OrderBy(r => r.Message.DecidedAt));
        return new OrderSnapshot(state, merged);
    }

    private static TableEntity EventEntity(string orderId, TrackingEvent trackingEvent) =>
        new(KeyEncoder.Encode(orderId), "evt|" + KeyEncoder.Encode($"{trackingEvent.Provider}:{trackingEvent.EventId}"))
        {
            ["Kind"] = "evt",
            ["OrderId"] = orderId,
            ["Status"] = WireName.Of(trackingEvent.Status),
            ["OccurredAt"] = trackingEvent.OccurredAt,
            ["Event"] = JsonSerializer.Serialize(trackingEvent, CoreJson.Options),
        };
}

/// <summary>What a successful commit wrote: the new state with its ETag and the message rows with theirs.</summary>
internal sealed record CommitResult(LoadedState State, IReadOnlyList<TableEntity> MessageRows);
