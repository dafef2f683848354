import { z } from "zod";

export const DcgmPushQuery = z.object({
  at: z.iso.datetime({ offset: true }).optional().meta({ description: "when the page was taken; stamps samples without their own timestamp, so a retried push stores nothing twice" }),
});

export const IngestResultOut = z
  .object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    unknownGpus: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    rejections: z.array(z.object({ line: z.number().int(), reason: z.string() })).meta({ description: "the first 50 rejected lines" }),
  })
  .meta({ id: "IngestResult" });
