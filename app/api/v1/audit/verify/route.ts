import { verifyAuditChain } from "@/lib/audit/chain";
import * as contracts from "@/lib/http/contracts/audit";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute(contracts.verifyAuditChain, async () => verifyAuditChain());
