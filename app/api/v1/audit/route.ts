import { listAuditEvents } from "@/lib/audit/events";
import { AuditQuery } from "@/lib/audit/schemas";
import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";

export const GET = withAuth("audit.read", async (req) => Response.json(await listAuditEvents(readQuery(req, AuditQuery))));
