import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { getTelemetrySettings, updateTelemetrySettings, UpdateTelemetrySettings } from "@/lib/telemetry/settings";

export const GET = withAuth("telemetry.read", async () => Response.json(await getTelemetrySettings()));

export const PUT = withAuth("telemetry.write", async (req, { user }) =>
  Response.json(await updateTelemetrySettings(await readJson(req, UpdateTelemetrySettings), user)),
);
