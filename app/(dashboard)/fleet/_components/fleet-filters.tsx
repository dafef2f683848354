import { Button, ButtonLink, Field, Select, TextInput } from "@/components/ui/form-controls";
import { ServerStatus } from "@/lib/inventory/schemas";

/**
 * A plain GET form: filters live in the URL, so a filtered view can be
 * bookmarked or pasted into a ticket, and the page works without JavaScript.
 */
export function FleetFilters({ values, sites }: { values: Record<string, string>; sites: string[] }) {
  return (
    <form
      method="get"
      action="/fleet"
      role="search"
      aria-label="Filter servers"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <Field id="fleet-q" label="Search" className="w-72">
        <TextInput id="fleet-q" name="q" defaultValue={values.q} placeholder="hostname, model or serial" />
      </Field>
      <Field id="fleet-status" label="Status" className="w-40">
        <Select id="fleet-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">any status</option>
          {ServerStatus.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="fleet-site" label="Site" className="w-40">
        <Select id="fleet-site" name="site" defaultValue={values.site ?? ""}>
          <option value="">all sites</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="fleet-rack" label="Rack" className="w-36">
        <TextInput id="fleet-rack" name="rack" defaultValue={values.rack} placeholder="e.g. ams1-r03" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Search
        </Button>
        <ButtonLink href="/fleet" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
