import { listAuditEvents } from "@/lib/audit/events";
import * as contracts from "@/lib/http/contracts/audit";
import { defineRoute } from "@/lib/http/route";
import { auditExportResponse } from "./export-response";

export const GET = defineRoute(contracts.listAuditEvents, async ({ query }) =>
  query.format === "json" ? listAuditEvents(query) : auditExportResponse(query, query.format),
);
