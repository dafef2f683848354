import { useTranslations } from "next-intl";
import { Button, ButtonLink, Field, Select } from "@/components/ui/form-controls";
import { JobPriority, JobStatus } from "@/lib/jobs/schemas";

/** GET filters; like the API, every filter given must match (AND). */
export function JobFilters({ values, teams }: { values: Record<string, string>; teams: string[] }) {
  const t = useTranslations("jobs");
  return (
    <form
      method="get"
      action="/jobs"
      role="search"
      aria-label={t("filters.label")}
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-[repeat(3,minmax(0,12rem))_auto]"
    >
      <Field id="job-filter-status" label={t("filters.status")}>
        <Select id="job-filter-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">{t("filters.any")}</option>
          {JobStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="job-filter-priority" label={t("filters.priority")}>
        <Select id="job-filter-priority" name="priority" defaultValue={values.priority ?? ""}>
          <option value="">{t("filters.any")}</option>
          {JobPriority.options.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="job-filter-team" label={t("filters.team")}>
        <Select id="job-filter-team" name="team" defaultValue={values.team ?? ""}>
          <option value="">{t("filters.any")}</option>
          {teams.map((team) => (
            <option key={team}>{team}</option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          {t("filters.submit")}
        </Button>
        <ButtonLink href="/jobs" variant="ghost">
          {t("filters.clear")}
        </ButtonLink>
      </div>
    </form>
  );
}
