export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store";
export { openMongoStore, type MongoStore, type MongoStoreOptions } from "./mongo/mongo-store";
