import { Button } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/** A settings form's end: its save button, "Saved." once stored, and the API's refusal in its words. */
export function SaveFooter({
  label,
  isPending,
  isSaved,
  error,
  errorTitle = "The settings were not saved",
}: {
  label: string;
  isPending: boolean;
  isSaved: boolean;
  error: string | null;
  errorTitle?: string;
}) {
  return (
    <>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? "Saving…" : label}
        </Button>
        {isSaved && (
          <span role="status" className="text-xs text-emerald-300">
            Saved.
          </span>
        )}
      </div>
      {error && (
        <Notice tone="error" title={errorTitle}>
          {error}
        </Notice>
      )}
    </>
  );
}
