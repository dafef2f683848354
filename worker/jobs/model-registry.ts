import { registerMissingVersions } from "../../lib/models/registration";
import type { PeriodicJob } from "../periodic";

/** Registers versions for succeeded training jobs that have none (jobs finished before the registry existed). */
export const RegisterMissingVersionsJob: PeriodicJob = {
  name: "models.register-missing-versions",
  everyMs: 5 * 60_000,
  quiet: true,
  run: async () => {
    // A batch at a time: each draft reads the job's telemetry and energy.
    while ((await registerMissingVersions(20)).length === 20);
  },
};
