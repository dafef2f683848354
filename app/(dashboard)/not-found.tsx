import { NotFoundPanel } from "./_components/not-found-panel";

/**
 * A dashboard page's notFound() (unknown GPU, server, rack, job, dataset…):
 * rendered inside the dashboard layout, so the sidebar stays and the answer is
 * a 404. Unknown URLs never reach a route group's not-found; app/not-found.tsx
 * answers those, in the same shell.
 */
export default function DashboardNotFound() {
  return <NotFoundPanel />;
}
