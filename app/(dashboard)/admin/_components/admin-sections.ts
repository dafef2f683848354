/** The Admin area's settings pages, each titled by admin.nav.<key> and summed up by admin.summary.<key>. */
export const adminSections = [
  { href: "/admin/users", key: "users" },
  { href: "/admin/teams", key: "teams" },
  { href: "/admin/sites", key: "sites" },
  { href: "/admin/telemetry", key: "telemetry" },
  { href: "/admin/alerts", key: "alerts" },
  { href: "/admin/tokens", key: "tokens" },
] as const;
