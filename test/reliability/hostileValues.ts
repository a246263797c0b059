/**
 * Generators of the worst things a catch block can hold: getters that throw, proxies whose every trap throws,
 * revoked proxies, cycles, 10,000-deep chains, null prototypes, frozen objects, symbols, BigInts and text that
 * is not valid UTF-16. Shared by the property tests of this folder.
 */
import fc from "fast-check";

/** Every field diagnosis reads from an error, on the error itself or on its response. */
export const ERROR_FIELDS = [
  "message",
  "name",
  "stack",
  "cause",
  "errors",
  "statusCode",
  "status",
  "code",
  "errorCode",
  "subError",
  "errorNo",
  "correlationId",
  "traceId",
  "timestamp",
  "errorResponse",
  "errorMessage",
  "response",
  "request",
  "headers",
  "bodyAsText",
  "get",
  "constructor",
] as const;

/** Every trap a Proxy handler can define. */
export const PROXY_TRAPS = [
  "get",
  "set",
  "has",
  "deleteProperty",
  "ownKeys",
  "getOwnPropertyDescriptor",
  "defineProperty",
  "getPrototypeOf",
  "setPrototypeOf",
  "isExtensible",
  "preventExtensions",
  "apply",
  "construct",
] as const;

/** A proxy whose every trap throws (a function target, so `apply` and `construct` are reachable too). */
export function trappedProxy(target: object = function trapped() {}): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of PROXY_TRAPS) {
    (handler as Record<string, () => never>)[trap] = () => {
      throw new Error(`trap ${trap}`);
    };
  }
  return new Proxy(target, handler);
}

/** A proxy that has been revoked: any operation on it throws a TypeError. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Text made of arbitrary UTF-16 code units: lone surrogates included. */
export const utf16Units = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  maxLength: 200,
});

/** Fragments that steer diagnosis into its interesting paths (codes, chains, headers, JSON bodies). */
const FRAGMENTS = [
  "AADSTS7000215: Invalid client secret provided.",
  "AADSTS700016",
  "ChainedTokenCredential authentication failed.",
  "CredentialUnavailableError: EnvironmentCredential is unavailable.",
  "DefaultAzureCredential failed to retrieve a token from the included credentials.",
  "Attempted credentials:\n\tEnvironmentCredential: missing\n\tAzureCliCredential: az not found",
  "- Please run 'az login'",
  '{"error":"invalid_client","error_codes":[7000215],"correlation_id":"7b12f9bb-2eef-42e3-ad75-eee69ec9088d"}',
  "Trace ID: 03da4b8e-5ffe-48ca-9754-aff4276f0100",
  "Status code 403 Forbidden",
  '"code":"AuthorizationFailed"',
  "<Code>AuthenticationFailed</Code>",
  "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.",
  "-----BEGIN PRIVATE KEY-----\nMIIB",
  "at async ClientSecretCredential.getToken (file.js:1:1)",
  "##[error]",
  "\ud800",
  "\udfff",
  "\u0000",
];

/** Strings: random code units, joined auth-flavoured fragments, or both. */
export const hostileText = fc.oneof(
  utf16Units,
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), utf16Units), { maxLength: 8 })
    .map((parts) => parts.join("\n")),
);

/** Any primitive or plain data, including BigInt, symbols, null prototypes, typed arrays, sparse arrays. */
export const anyData = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "binary",
});

/**
 * Generated values are recipes (plain data) and are built inside the property: fast-check inspects and prints
 * what it generates, and a trapped proxy or a throwing getter would break fast-check itself, not the code under test.
 */
type ValueRecipe =
  | { readonly kind: "data"; readonly value: unknown }
  | { readonly kind: "trapped-proxy" }
  | { readonly kind: "revoked-proxy" };

const valueRecipe: fc.Arbitrary<ValueRecipe> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.oneof(anyData, hostileText).map((value): ValueRecipe => ({ kind: "data", value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(Symbol("field"), 10n ** 30n, Number.NaN, -0, Infinity)
      .map((value): ValueRecipe => ({ kind: "data", value })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<ValueRecipe>({ kind: "trapped-proxy" }, { kind: "revoked-proxy" }),
  },
);

function buildValue(recipe: ValueRecipe): unknown {
  if (recipe.kind === "trapped-proxy") return trappedProxy();
  if (recipe.kind === "revoked-proxy") return revokedProxy();
  return recipe.value;
}

/** How one field of a generated error behaves. */
type FieldRecipe = ValueRecipe | { readonly kind: "throwing-getter" } | { readonly kind: "self" };

const fieldRecipe: fc.Arbitrary<FieldRecipe> = fc.oneof(
  { weight: 3, arbitrary: valueRecipe },
  { weight: 2, arbitrary: fc.constant<FieldRecipe>({ kind: "throwing-getter" }) },
  { weight: 1, arbitrary: fc.constant<FieldRecipe>({ kind: "self" }) },
);

export interface ErrorRecipe {
  readonly base: "error" | "plain" | "null-prototype" | "array" | "function";
  readonly fields: Readonly<Record<string, FieldRecipe>>;
  readonly frozen: boolean;
}

/** An error-shaped object: throwing getters, cycles to itself, exotic values, odd prototypes, maybe frozen. */
export const errorRecipe: fc.Arbitrary<ErrorRecipe> = fc.record({
  base: fc.constantFrom("error", "plain", "null-prototype", "array", "function"),
  fields: fc.dictionary(fc.constantFrom(...ERROR_FIELDS), fieldRecipe, { maxKeys: 10 }),
  frozen: fc.boolean(),
});

function baseObject(base: ErrorRecipe["base"]): object {
  switch (base) {
    case "error":
      return new Error("generated");
    case "plain":
      return {};
    case "null-prototype":
      return Object.create(null) as object;
    case "array":
      return [];
    case "function":
      return function generated() {};
  }
}

/** Builds the object an `ErrorRecipe` describes (not frozen yet when `freeze` is false). */
export function buildError(recipe: ErrorRecipe, freeze = recipe.frozen): object {
  const target = baseObject(recipe.base);
  for (const [key, field] of Object.entries(recipe.fields)) {
    const descriptor: PropertyDescriptor =
      field.kind === "throwing-getter"
        ? {
            get() {
              throw new Error(`getter ${key}`);
            },
            enumerable: true,
            configurable: true,
          }
        : {
            value: field.kind === "self" ? target : buildValue(field),
            enumerable: true,
            writable: true,
            configurable: true,
          };
    try {
      Object.defineProperty(target, key, descriptor);
    } catch {
      // A function's `name` or an array's `length` may refuse; the value stays as it was.
    }
  }
  return freeze ? Object.freeze(target) : target;
}

export interface NestedRecipe {
  readonly nodes: readonly ErrorRecipe[];
  readonly links: readonly { readonly from: number; readonly to: number; readonly via: "cause" | "errors" }[];
}

/** Error-shaped objects nested in each other as causes and aggregate members, cycles included. */
export const nestedRecipe: fc.Arbitrary<NestedRecipe> = fc.record({
  nodes: fc.array(errorRecipe, { minLength: 1, maxLength: 6 }),
  links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), via: fc.constantFrom("cause", "errors") }), {
    maxLength: 10,
  }),
});

/** Builds a `NestedRecipe`; returns its first node. Links are made before freezing. */
export function buildNested(recipe: NestedRecipe): unknown {
  const nodes = recipe.nodes.map((node) => buildError(node, false));
  for (const { from, to, via } of recipe.links) {
    const source = nodes[from % nodes.length];
    const target = nodes[to % nodes.length];
    try {
      if (source) Reflect.set(source, via, via === "errors" ? [target, target] : target);
    } catch {
      // Throwing setters and read-only fields keep their value.
    }
  }
  recipe.nodes.forEach((node, i) => {
    if (node.frozen) Object.freeze(nodes[i]);
  });
  return nodes[0];
}

/** `depth` errors, each the `cause` (or only member of `errors`) of the next; returns the outermost. */
export function deepChain(depth: number, via: "cause" | "errors"): Error {
  let inner = new Error("AADSTS7000215: the innermost error");
  for (let i = 0; i < depth; i++) {
    const outer = new Error(`level ${i}`);
    if (via === "cause") outer.cause = inner;
    else Object.assign(outer, { errors: [inner] });
    inner = outer;
  }
  return inner;
}
