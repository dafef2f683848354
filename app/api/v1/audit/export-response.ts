import { exportMediaTypes, openAuditExport, type ExportFormat } from "@/lib/audit/export";
import type { AuditQuery } from "@/lib/audit/schemas";

/** The audit export as a streamed download. */
export async function auditExportResponse(q: AuditQuery, format: ExportFormat): Promise<Response> {
  const stream = await openAuditExport(q, format);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": exportMediaTypes[format],
      "content-disposition": `attachment; filename="rackmind-audit-${stamp}.${format}"`,
      // Proxies must not buffer the whole download before passing it on.
      "x-accel-buffering": "no",
    },
  });
}
