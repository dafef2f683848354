import { useTranslations } from "next-intl";
import { Button, ButtonLink, Field, TextInput } from "@/components/ui/form-controls";

/** A GET form: `?q=` filters models whose name contains it, as the API's `q` does. */
export function ModelSearch({ query }: { query: string | undefined }) {
  const t = useTranslations("models.list");
  return (
    <form
      method="get"
      action="/models"
      role="search"
      aria-label={t("search")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <Field id="model-search" label={t("nameContains")} className="w-72">
        <TextInput
          id="model-search"
          name="q"
          defaultValue={query}
          placeholder={t("searchPlaceholder", { example: "pima" })}
        />
      </Field>
      <Button type="submit" variant="primary">
        {t("searchButton")}
      </Button>
      {query && (
        <ButtonLink href="/models" variant="ghost">
          {t("clear")}
        </ButtonLink>
      )}
    </form>
  );
}
