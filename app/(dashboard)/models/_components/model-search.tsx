import { Button, ButtonLink, Field, TextInput } from "@/components/ui/form-controls";

/** A GET form: `?q=` filters models whose name contains it, as the API's `q` does. */
export function ModelSearch({ query }: { query: string | undefined }) {
  return (
    <form
      method="get"
      action="/models"
      role="search"
      aria-label="Search models"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <Field id="model-search" label="Name contains" className="w-72">
        <TextInput id="model-search" name="q" defaultValue={query} placeholder="e.g. pima" />
      </Field>
      <Button type="submit" variant="primary">
        Search
      </Button>
      {query && (
        <ButtonLink href="/models" variant="ghost">
          Clear
        </ButtonLink>
      )}
    </form>
  );
}
