/**
 * The knowledge base, indexed once: entries frozen, patterns compiled, an AADSTS code → entries map, and a
 * lookup by id or code for the error index and the CLI.
 */
import { loadKnowledgeEntries } from "./entries/index.js";
import { fallbackEntries } from "./fallbacks.js";
import type { KnowledgeEntry } from "./schema.js";

export type {
  KnowledgeEntry,
  KnowledgeEntryWithExamples,
  KnowledgeEvidence,
  KnowledgeExample,
  MatchRules,
} from "./schema.js";

/** An entry with its rules prepared for matching. */
export interface IndexedEntry {
  readonly entry: KnowledgeEntry;
  /** Lower-cased text fragments. */
  readonly text: readonly string[];
  readonly context: readonly string[];
  readonly patterns: readonly RegExp[];
  readonly stsCodes: ReadonlySet<string>;
  readonly serviceCodes: ReadonlySet<string>;
  /** Declaration order: breaks ties between equal scores. */
  readonly order: number;
}

export interface KnowledgeIndex {
  readonly entries: readonly IndexedEntry[];
  readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  /** Entries listing each AADSTS code (upper-case, `AADSTS` prefix). */
  readonly byStsCode: ReadonlyMap<string, readonly KnowledgeEntry[]>;
}

/** Freezes `value` and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function indexEntry(entry: KnowledgeEntry, order: number): IndexedEntry {
  const rules = entry.match;
  return {
    entry,
    text: (rules.text ?? []).map((t) => t.toLowerCase()),
    context: (rules.context ?? []).map((t) => t.toLowerCase()),
    patterns: (rules.patterns ?? []).map((source) => new RegExp(source, "i")),
    stsCodes: new Set((rules.stsCodes ?? []).map((c) => c.toUpperCase())),
    serviceCodes: new Set((rules.serviceCodes ?? []).map((c) => c.toLowerCase())),
    order,
  };
}

let cached: KnowledgeIndex | null = null;

/** The bundled knowledge base, built on first use. */
export function knowledgeIndex(): KnowledgeIndex {
  if (cached) return cached;
  const all = [...loadKnowledgeEntries(), ...fallbackEntries];
  const live = all.filter((e) => !e.retired);
  const byId = new Map<string, KnowledgeEntry>();
  const byStsCode = new Map<string, KnowledgeEntry[]>();
  for (const entry of all) {
    byId.set(entry.id, deepFreeze(entry));
    for (const code of entry.match.stsCodes ?? []) {
      const key = code.toUpperCase();
      byStsCode.set(key, [...(byStsCode.get(key) ?? []), entry]);
    }
  }
  cached = { entries: live.map(indexEntry), byId, byStsCode };
  return cached;
}

/** Every entry, retired ones included, in declaration order. */
export function listKnowledgeEntries(): readonly KnowledgeEntry[] {
  return [...knowledgeIndex().byId.values()];
}

/**
 * Finds entries by id (`client-secret-invalid`), by AADSTS code (`AADSTS700016`, `700016`) or by a service
 * error code (`AuthorizationFailed`). Returns `[]` when nothing is known.
 */
export function lookupKnowledge(query: string): KnowledgeEntry[] {
  const index = knowledgeIndex();
  const trimmed = query.trim();
  const byId = index.byId.get(trimmed.toLowerCase());
  if (byId) return [byId];
  const code = /^(?:AADSTS)?(\d{4,9})$/i.exec(trimmed);
  if (code) return [...(index.byStsCode.get(`AADSTS${code[1]}`) ?? [])];
  const lower = trimmed.toLowerCase();
  return index.entries.filter((e) => e.serviceCodes.has(lower)).map((e) => e.entry);
}
