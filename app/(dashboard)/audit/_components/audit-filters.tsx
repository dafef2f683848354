import { Button, ButtonLink, Field, TextInput } from "@/components/ui/form-controls";

/** GET filters; like the API, every filter given must match (AND). */
export function AuditFilters({ values, actions }: { values: Record<string, string>; actions: string[] }) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter audit events"
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-3 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
    >
      <Field id="audit-actor" label="Actor">
        <TextInput
          id="audit-actor"
          name="actor"
          defaultValue={values.actor}
          placeholder="user:admin, token:ci, system"
        />
      </Field>
      <Field id="audit-action" label="Action">
        <TextInput
          id="audit-action"
          name="action"
          defaultValue={values.action}
          placeholder="auth.login or prefix auth."
          list="audit-actions"
        />
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </Field>
      <Field id="audit-target" label="Target">
        <TextInput id="audit-target" name="target" defaultValue={values.target} placeholder="user:admin" />
      </Field>
      <Field id="audit-object" label="Object (with its parts)">
        <TextInput
          id="audit-object"
          name="object"
          defaultValue={values.object}
          placeholder="model:fraud, server:gpu-node-07"
          title="Everything that happened to this object: the target itself and targets beneath it (model:fraud/3)"
        />
      </Field>
      <Field id="audit-from" label="From (UTC)">
        <TextInput id="audit-from" name="from" defaultValue={values.from} placeholder="2026-01-31 or …T08:00:00Z" />
      </Field>
      <Field id="audit-to" label="To (UTC, exclusive)">
        <TextInput id="audit-to" name="to" defaultValue={values.to} placeholder="2026-02-01" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <ButtonLink href="/audit" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
