import { useTranslations } from "next-intl";
import { Button, ButtonLink, Field, Select, TextInput } from "@/components/ui/form-controls";
import { ServerStatus } from "@/lib/inventory/schemas";

/**
 * A plain GET form: filters live in the URL, so a filtered view can be
 * bookmarked or pasted into a ticket, and the page works without JavaScript.
 */
export function FleetFilters({ values, sites }: { values: Record<string, string>; sites: string[] }) {
  const t = useTranslations("fleet.filters");
  const tc = useTranslations("common.serverStatus");
  return (
    <form
      method="get"
      action="/fleet"
      role="search"
      aria-label={t("label")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <Field id="fleet-q" label={t("search")} className="w-72">
        <TextInput id="fleet-q" name="q" defaultValue={values.q} placeholder={t("searchPlaceholder")} />
      </Field>
      <Field id="fleet-status" label={t("status")} className="w-40">
        <Select id="fleet-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">{t("anyStatus")}</option>
          {ServerStatus.options.map((s) => (
            <option key={s} value={s}>
              {tc(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="fleet-site" label={t("site")} className="w-40">
        <Select id="fleet-site" name="site" defaultValue={values.site ?? ""}>
          <option value="">{t("allSites")}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="fleet-rack" label={t("rack")} className="w-36">
        <TextInput id="fleet-rack" name="rack" defaultValue={values.rack} placeholder={t("rackPlaceholder")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          {t("submit")}
        </Button>
        <ButtonLink href="/fleet" variant="ghost">
          {t("clear")}
        </ButtonLink>
      </div>
    </form>
  );
}
