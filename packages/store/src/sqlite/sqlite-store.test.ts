import { runStoreContractSuite } from "../contract-suite";
import { openSqliteStore } from "./sqlite-store";

runStoreContractSuite("SQLite (in memory)", () => openSqliteStore({ file: ":memory:" }));
