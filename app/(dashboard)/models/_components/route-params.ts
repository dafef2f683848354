// Model names never need escaping, but a hand-typed URL may still carry an
// escape, or a broken one: read it as typed rather than failing.
export function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
