/**
 * Knowledge ids that were published and then retired. Ids are permanent: when an entry leaves `entries/`,
 * its id moves here with the reason, so its page in docs/errors and every log line that cites it keep
 * meaning something. An entry kept in place with its own `retired` marker is not listed here again.
 */

/** One retired id. */
export interface RetiredKnowledgeId {
  readonly id: string;
  /** The package version that stopped matching it, e.g. `"0.2.0"`. */
  readonly retiredIn?: string;
  /** Why it was retired, in one sentence. */
  readonly reason: string;
  /** The live entry that now covers the same failure, when one does. */
  readonly replacedBy?: string;
}

// Empty on purpose: nothing has been retired since the index was first published.
const RETIRED: readonly RetiredKnowledgeId[] = [];

/** Every retired id, frozen. */
export const retiredKnowledgeIds: readonly RetiredKnowledgeId[] = Object.freeze(
  RETIRED.map((retired) => Object.freeze({ ...retired })),
);
