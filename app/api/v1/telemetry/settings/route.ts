import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { getTelemetrySettings, updateTelemetrySettings } from "@/lib/telemetry/settings";

export const GET = defineRoute(contracts.getTelemetrySettings, async () => getTelemetrySettings());

export const PUT = defineRoute(contracts.updateTelemetrySettings, async ({ body, user }) =>
  updateTelemetrySettings(body, user),
);
