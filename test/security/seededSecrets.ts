/**
 * Secrets for generated corpora: seeded, so a corpus is the same on every run, and never repeated within one
 * corpus, so a leak names its hiding place exactly.
 */

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const BASE64 = `${ALNUM}+/`;

export interface SeededSecrets {
  /** A number in [0, 1) from the corpus' own sequence. */
  readonly random: () => number;
  /** A random secret holding a digit, an upper- and a lower-case letter, as generated passwords do. */
  readonly fresh: (length?: number, alphabet?: string) => string;
  /** A secret a person chooses: three of `words` and a number below `limit`, joined by `separator`, not random enough to give itself away. */
  readonly memorable: (separator: string, limit: number) => string;
}

export function seededSecrets(seed: number, words: readonly string[]): SeededSecrets {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const seen = new Set<string>();
  const unseen = (make: () => string, acceptable: (value: string) => boolean = () => true): string => {
    for (;;) {
      const value = make();
      if (!acceptable(value) || seen.has(value)) continue;
      seen.add(value);
      return value;
    }
  };
  const fresh = (length = 32, alphabet = ALNUM): string =>
    unseen(
      () => {
        let value = "";
        for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)] ?? "x";
        return value;
      },
      (value) => /\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value),
    );
  const memorable = (separator: string, limit: number): string =>
    unseen(() => {
      const pick = (): string => words[Math.floor(random() * words.length)] ?? "word";
      return [pick(), pick(), pick(), String(Math.floor(random() * limit))].join(separator);
    });
  return { random, fresh, memorable };
}
