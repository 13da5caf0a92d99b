import { CategoryName, Settings, SettingsPatch, type Actor } from "@handoff/contracts";
import type { Store } from "./ports";
import { DEFAULT_SETTINGS } from "./settings";

const KEY = "settings";

/** Reads and changes supervisor settings; every change is validated whole and audited. */
export class SettingsService {
  private cached: Settings | null = null;
  private readonly changeListeners: (() => void)[] = [];

  constructor(private readonly store: Store) {}

  /** Called after this instance changes the settings (to tell other instances). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Forgets the cached settings: another instance changed them. */
  invalidate(): void {
    this.cached = null;
  }

  async get(): Promise<Settings> {
    if (this.cached) return this.cached;
    this.cached = readStored(await this.store.kv.get(KEY));
    return this.cached;
  }

  /** Applies a partial change; throws a ZodError (nothing changes) when the result is invalid. */
  async update(patch: unknown, actor: Actor): Promise<Settings> {
    const change = SettingsPatch.parse(patch);
    const before = await this.get();
    const next = Settings.parse({ ...before, ...change });
    await this.store.kv.set(KEY, next);
    this.cached = next;
    for (const listener of this.changeListeners) listener();
    await this.store.audit.append({
      actor,
      action: "settings.changed",
      conversationId: null,
      details: { before, after: next },
    });
    return next;
  }
}

/**
 * Stored settings, field by field: a field a newer rule refuses (a category name a database reads as
 * an operator, a script link, saved by an older version) falls back to its default, and a bad
 * category drops alone, instead of taking every other setting with it or blocking the next save.
 */
function readStored(value: unknown): Settings {
  const stored = toObject(value);
  const kept: Record<string, unknown> = {};
  for (const key of Settings.keyof().options) {
    const field = key === "categoryThresholds" ? safeCategories(stored[key]) : stored[key];
    if (Settings.shape[key].safeParse(field).success) kept[key] = field;
  }
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...kept });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

function safeCategories(value: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(toObject(value)).filter(([name]) => CategoryName.safeParse(name).success),
  );
}

function toObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}
