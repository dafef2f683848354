import { PutQuotaInput, QuotaOut, TeamParam } from "../../jobs/schemas";
import { defineContract, pageOf } from "../contract";

// Team GPU quotas: how many GPUs a team's placed and running jobs may hold at once.

export const listQuotas = defineContract({
  method: "get",
  path: "/api/v1/quotas",
  permission: "jobs.read",
  summary: "Team GPU quotas with current use",
  response: { status: 200, description: "Quotas", schema: pageOf(QuotaOut) },
});

export const putQuota = defineContract({
  method: "put",
  path: "/api/v1/quotas/{team}",
  permission: "quotas.write",
  summary: "Set a team's GPU quota (GPUs its placed and running jobs may hold at once)",
  params: TeamParam,
  body: PutQuotaInput,
  response: { status: 200, description: "The quota", schema: QuotaOut },
});

export const deleteQuota = defineContract({
  method: "delete",
  path: "/api/v1/quotas/{team}",
  permission: "quotas.write",
  summary: "Remove a team's quota",
  params: TeamParam,
  response: { status: 204, description: "Deleted" },
  errors: [404, 422],
});
