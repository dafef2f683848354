import { AuditEventOut, AuditQuery } from "../../audit/schemas";
import { defineContract, pageOf } from "../contract";

export const listAuditEvents = defineContract({
  method: "get",
  path: "/api/v1/audit",
  permission: "audit.read",
  summary: "The audit log, newest first",
  query: AuditQuery,
  response: { status: 200, description: "A page of audit events", schema: pageOf(AuditEventOut) },
  errors: [400],
});
