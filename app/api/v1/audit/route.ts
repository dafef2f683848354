import { listAuditEvents } from "@/lib/audit/events";
import * as contracts from "@/lib/http/contracts/audit";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute(contracts.listAuditEvents, async ({ query }) => listAuditEvents(query));
