import { useTranslations } from "next-intl";
import { Button, ButtonLink, Field, TextInput } from "@/components/ui/form-controls";

/** GET filters; like the API, every filter given must match (AND). */
export function AuditFilters({ values, actions }: { values: Record<string, string>; actions: string[] }) {
  const t = useTranslations("audit.filters");
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label={t("label")}
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-3 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
    >
      <Field id="audit-actor" label={t("actor")}>
        <TextInput id="audit-actor" name="actor" defaultValue={values.actor} placeholder={t("actorPlaceholder")} />
      </Field>
      <Field id="audit-action" label={t("action")}>
        <TextInput
          id="audit-action"
          name="action"
          defaultValue={values.action}
          placeholder={t("actionPlaceholder", { action: "auth.login", prefix: "auth." })}
          list="audit-actions"
        />
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </Field>
      <Field id="audit-target" label={t("target")}>
        <TextInput id="audit-target" name="target" defaultValue={values.target} placeholder={t("targetPlaceholder")} />
      </Field>
      <Field id="audit-object" label={t("object")}>
        <TextInput
          id="audit-object"
          name="object"
          defaultValue={values.object}
          placeholder={t("objectPlaceholder")}
          title={t("objectTitle", { example: "model:fraud/3" })}
        />
      </Field>
      <Field id="audit-from" label={t("from")}>
        <TextInput id="audit-from" name="from" defaultValue={values.from} placeholder={t("fromPlaceholder")} />
      </Field>
      <Field id="audit-to" label={t("to")}>
        <TextInput id="audit-to" name="to" defaultValue={values.to} placeholder={t("toPlaceholder")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          {t("filter")}
        </Button>
        <ButtonLink href="/audit" variant="ghost">
          {t("clear")}
        </ButtonLink>
      </div>
    </form>
  );
}
