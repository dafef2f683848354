import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/** A settings form's end: its save button, "Saved." once stored, and the API's refusal in its words. */
export function SaveFooter({
  label,
  isPending,
  isSaved,
  error,
  errorTitle,
}: {
  label: string;
  isPending: boolean;
  isSaved: boolean;
  error: string | null;
  /** The refusal's heading; "The settings were not saved" by default. */
  errorTitle?: string;
}) {
  const t = useTranslations("forms.save");
  return (
    <>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("saving") : label}
        </Button>
        {isSaved && (
          <span role="status" className="text-xs text-emerald-300">
            {t("saved")}
          </span>
        )}
      </div>
      {error && (
        <Notice tone="error" title={errorTitle ?? t("notSaved")}>
          {error}
        </Notice>
      )}
    </>
  );
}
