import { Button, ButtonLink, Field, Select } from "@/components/ui/form-controls";
import { JobPriority, JobStatus } from "@/lib/jobs/schemas";

/** GET filters; like the API, every filter given must match (AND). */
export function JobFilters({ values, teams }: { values: Record<string, string>; teams: string[] }) {
  return (
    <form
      method="get"
      action="/jobs"
      role="search"
      aria-label="Filter jobs"
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-[repeat(3,minmax(0,12rem))_auto]"
    >
      <Field id="job-filter-status" label="Status">
        <Select id="job-filter-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">any</option>
          {JobStatus.options.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <Field id="job-filter-priority" label="Priority">
        <Select id="job-filter-priority" name="priority" defaultValue={values.priority ?? ""}>
          <option value="">any</option>
          {JobPriority.options.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </Select>
      </Field>
      <Field id="job-filter-team" label="Team">
        <Select id="job-filter-team" name="team" defaultValue={values.team ?? ""}>
          <option value="">any</option>
          {teams.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <ButtonLink href="/jobs" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
