// Loaded into the Azurite process of `--open-index` (node --require) before Azurite itself.
//
// Why: Azurite's table store checks every insert for an existing row with findOne({ RowKey, PartitionKey }). Its store
// (LokiJS) serves a query from the index of the query's first property, so the check walks every row with the same row
// key. Every order's state row has the row key `state`, so each insert of a state row reads all state rows kept so far
// and seeding N orders costs N^2/2 row visits (304 orders/s for the first 10,000, 21 orders/s at 50,000).
//
// What: the insert's existence check looks the partition up first (the same check, the same answer, through the
// PartitionKey index). Nothing else changes: queries, point reads, updates and deletes run Azurite's own code, so the
// passes the bench measures cost what they cost on a stock Azurite.
"use strict";

const fs = require("fs");
const path = require("path");

const storePath = fs.realpathSync(
  path.join(process.cwd(), "node_modules", "azurite", "dist", "src", "table", "persistence", "LokiTableMetadataStore.js"));
const store = require(storePath).default;
const insert = store && store.prototype && store.prototype.insertTableEntity;
if (typeof insert !== "function" || typeof store.prototype.getEntityCollection !== "function") {
  throw new Error(`${storePath} no longer has insertTableEntity/getEntityCollection: the insert lookup cannot be applied.`);
}

store.prototype.insertTableEntity = function (context, table, account, entity, batchId) {
  const collection = this.getEntityCollection(account, table, context);
  // The original calls findOne once, synchronously, before its first await: the override is gone when it returns.
  collection.findOne = query => Object.getPrototypeOf(collection).findOne.call(collection,
    { PartitionKey: query.PartitionKey, RowKey: query.RowKey });
  try {
    return insert.call(this, context, table, account, entity, batchId);
  } finally {
    delete collection.findOne;
  }
};
