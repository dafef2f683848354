/**
 * Headers for a model artifact's files. The artifact never changes once
 * stored (its hash is checked on every read), so clients may cache it for
 * good; the ETag is its sha256.
 */
export function artifactHeaders(sha256: string, contentType: string, filename?: string): Record<string, string> {
  return {
    "content-type": contentType,
    etag: `"${sha256}"`,
    "cache-control": "private, max-age=31536000, immutable",
    "x-rackmind-artifact-sha256": sha256,
    ...(filename ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
  };
}
