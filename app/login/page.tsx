import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Icon } from "@/components/ui/icons";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getPagePrincipal } from "@/lib/auth/page-session";
import type { SearchParams } from "@/lib/http/page-query";
import { LoginForm } from "./_components/login-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

/**
 * Where to go after signing in. Only same-site paths are accepted: "//host" and
 * "/\host" are protocol-relative to browsers, which would make this an open redirect.
 */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/overview";
  return next;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNext((await searchParams).next);
  if (await getPagePrincipal()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <main className="relative grid min-h-screen place-items-center overflow-hidden px-4">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[linear-gradient(to_right,rgb(30_41_59/0.35)_1px,transparent_1px),linear-gradient(to_bottom,rgb(30_41_59/0.35)_1px,transparent_1px)] bg-[size:32px_32px] [mask-image:radial-gradient(ellipse_at_center,black_30%,transparent_75%)]"
      />
      <div className="absolute right-4 top-4">
        <LocaleSwitcher isSignedIn={false} />
      </div>
      <div className="relative w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-lg bg-emerald-500/15 text-emerald-400 ring-1 ring-inset ring-emerald-500/30">
            <Icon name="rack" className="size-5" />
          </span>
          <div>
            <h1 className="text-lg font-semibold tracking-tight text-slate-50">{t("heading")}</h1>
            <p className="text-xs text-slate-400">{t("subtitle")}</p>
          </div>
        </div>
        <div className="rounded-lg border border-slate-800 bg-slate-900/70 p-5 shadow-xl shadow-black/40 backdrop-blur">
          <LoginForm next={next} />
        </div>
        <p className="mt-4 text-xs leading-5 text-slate-500">
          {t.rich("firstStart", { cmd: (chunks) => <span className="font-mono text-slate-400">{chunks}</span> })}
        </p>
      </div>
    </main>
  );
}
