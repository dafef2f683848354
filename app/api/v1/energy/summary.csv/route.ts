import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { SummaryQuery } from "@/lib/energy/schemas";
import { csvSummaryResponse } from "../summary/csv-response";

export const GET = withAuth("energy.read", async (req) => csvSummaryResponse(readQuery(req, SummaryQuery)));
