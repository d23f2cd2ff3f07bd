using System.Net;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The outbox side of the message rows: claim (Sending, at the ETag), record the outcome, find what the sweep must handle.</summary>
internal sealed class OutboxStore(StorageAccount storage)
{
    /// <summary>Marks the rows Sending at their ETags; returns the rows this caller now owns (others were claimed or changed meanwhile).</summary>
    public async Task<IReadOnlyList<TableEntity>> ClaimAsync(IReadOnlyList<TableEntity> rows, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claims = rows.Select(r => Claim(r, leaseUntil)).ToList();
        try
        {
            var response = await storage.Orders.SubmitTransactionAsync(
                claims.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateMerge, c, c.ETag)), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < claims.Count; i++)
            {
                claims[i].ETag = response.Value[i].Headers.ETag ?? default;
            }

            return claims;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Someone else holds at least one of them: claim one by one and keep what we get.
            var owned = new List<TableEntity>();
            foreach (var claim in claims)
            {
                try
                {
                    var response = await storage.Orders.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                    claim.ETag = response.Headers.ETag ?? default;
                    owned.Add(claim);
                }
                catch (RequestFailedException one) when (one.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
                {
                }
            }

            return owned;
        }
    }

    /// <summary>
    /// Writes the judged rows (claims, suppressions, deferrals) at their ETags together with a touch of the state row at the ETag the
    /// judgement read, so a decision committed meanwhile (a STOP) fails the whole claim. Returns the state row's new ETag, or null
    /// when the state or a row changed (read again and judge afresh). On success each update carries its row's new ETag.
    /// </summary>
    public async Task<ETag?> ClaimCheckedAsync(LoadedState state, IReadOnlyList<TableEntity> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(updates);
        var touch = new TableEntity(KeyEncoder.Encode(state.OrderId), StateRow.RowKey) { ["SendCheckedAt"] = now };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, touch, state.ETag) };
        actions.AddRange(updates.Select(u => new TableTransactionAction(TableTransactionActionType.UpdateMerge, u, u.ETag)));
        try
        {
            var response = await storage.Orders.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < updates.Count; i++)
            {
                updates[i].ETag = response.Value[i + 1].Headers.ETag ?? default;
            }

            return response.Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Reads the rows again and keeps those still waiting to be sent (pending, or a retry due by <paramref name="now"/>).</summary>
    public async Task<IReadOnlyList<TableEntity>> RereadClaimableAsync(IReadOnlyList<TableEntity> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fresh = new List<TableEntity>(rows.Count);
        foreach (var row in rows)
        {
            var found = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (found.HasValue && found.Value!.GetString("Status") is var status
                && (status == MessageRow.Pending || (status == MessageRow.Retry && found.Value.GetDateTimeOffset("NextAttemptAt") <= now)))
            {
                fresh.Add(found.Value);
            }
        }

        return fresh;
    }

    /// <summary>Writes the outcomes of claimed rows (one transaction per order); the claims' ETags guard against a sweep that took over.</summary>
    public Task CompleteAsync(IReadOnlyList<TableEntity> outcomes, CancellationToken cancellationToken) => CompleteAsync(outcomes, null, cancellationToken);

    /// <summary>
    /// Writes the outcomes of claimed rows and, in the same transaction, <paramref name="stateRelease"/> (a merge of the state row at
    /// its ETag that clears the outbox entry's kind). Returns the state row's new ETag when the release was written with them.
    /// </summary>
    public async Task<ETag?> CompleteAsync(IReadOnlyList<TableEntity> outcomes, TableEntity? stateRelease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var actions = outcomes.Select(o => new TableTransactionAction(TableTransactionActionType.UpdateMerge, o, o.ETag)).ToList();
        if (stateRelease is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, stateRelease, stateRelease.ETag));
        }

        if (actions.Count == 0)
        {
            return null;
        }

        try
        {
            var response = await storage.Orders.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return stateRelease is null ? null : response.Value[^1].Headers.ETag;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed && stateRelease is not null)
        {
            // The order moved on since the claim (or a row changed): write the outcomes alone; the entry stays for the sweep.
            await CompleteAsync(outcomes, null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            // A row changed since its claim (a provider's status callback outran this write): settle each on its own.
            foreach (var outcome in outcomes)
            {
                await OutcomeMerge.WriteAsync(storage.Orders, outcome, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    /// <summary>Applies a provider status callback to the row, only when it moves the status forward (callbacks arrive out of order).</summary>
    public async Task RecordCallbackAsync(string orderId, MessageStatusChanged changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        for (var attempt = 0; ; attempt++)
        {
            var found = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(
                KeyEncoder.Encode(orderId), MessageRow.RowKeyOf(changed.MessageKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return;
            }

            var row = found.Value!;
            var current = WireName.TryParse<MessageStatus>(row.GetString("Status"), out var parsed) ? parsed : MessageStatus.Pending;
            if (!MessageStatusOrder.IsForward(current, changed.Status))
            {
                return;
            }

            var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = WireName.Of(changed.Status) };
            if (changed.ProviderMessageId is not null)
            {
                update["ProviderMessageId"] = changed.ProviderMessageId;
            }

            if (changed.Error is not null)
            {
                update["Error"] = changed.Error;
            }

            try
            {
                await storage.Orders.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed && attempt < 10)
            {
                // The dispatcher wrote the row meanwhile: read it again and judge the callback against the new status.
            }
        }
    }

    private static TableEntity Claim(TableEntity row, DateTimeOffset leaseUntil) =>
        new(row.PartitionKey, row.RowKey)
        {
            ["Status"] = MessageRow.Sending,
            ["LeaseUntil"] = leaseUntil,
            ["Attempts"] = (row.GetInt32("Attempts") ?? 0) + 1,
            ETag = row.ETag,
        };
}
