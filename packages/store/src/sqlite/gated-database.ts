import Database from "better-sqlite3";
import type { WriteGate } from "./write-gate";

type Statement = Database.Statement<unknown[], unknown>;

/** Makes a statement that writes take the gate for each run (a read-only one is left as it is). */
function gateStatement(statement: Statement, gate: WriteGate): void {
  if (statement.readonly) return;
  const { run, get, all } = statement;
  statement.run = (...params) => gate.hold(() => run.apply(statement, params));
  statement.get = (...params) => gate.hold(() => get.apply(statement, params));
  statement.all = (...params) => gate.hold(() => all.apply(statement, params));
}

/**
 * A better-sqlite3 connection whose every write (a statement that writes, a transaction from its
 * first statement to its commit, exec, pragma) holds a WriteGate shared by the process's threads.
 * Reads are not gated: WAL lets them run beside a write. The store's repositories and LangGraph's
 * SqliteSaver both write through it, so none of their writes meets SQLite's sleeping busy wait.
 */
export class GatedDatabase extends Database {
  constructor(
    file: string,
    private readonly gate: WriteGate,
  ) {
    super(file);
  }

  // The return type is left to inference: it is the base's own, which a written one would not match.
  override prepare<BindParameters extends unknown[] | object = unknown[], Result = unknown>(source: string) {
    const statement = super.prepare<BindParameters, Result>(source);
    gateStatement(statement, this.gate);
    return statement;
  }

  override transaction<Args extends unknown[], Result>(
    body: (...args: Args) => Result,
  ): Database.Transaction<(...args: Args) => Result> {
    const transaction = super.transaction(body);
    const gated =
      (run: (...args: Args) => Result) =>
      (...args: Args) =>
        this.gate.hold(() => run(...args));
    return Object.assign(gated(transaction), {
      default: gated(transaction.default),
      deferred: gated(transaction.deferred),
      immediate: gated(transaction.immediate),
      exclusive: gated(transaction.exclusive),
    });
  }

  override exec(source: string): this {
    this.gate.hold(() => super.exec(source));
    return this;
  }

  override pragma(source: string, options?: Database.PragmaOptions): unknown {
    return this.gate.hold(() => super.pragma(source, options));
  }
}
