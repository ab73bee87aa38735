import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  // The build checks the application; `npm test` type-checks everything (tests and scripts too).
  typescript: { tsconfigPath: "tsconfig.app.json" },
  serverExternalPackages: ["pg-boss", "pg", "@prisma/adapter-pg", "nodemailer", "pdf-lib"],
  async redirects() {
    return [{ source: "/", destination: "/fr", permanent: false }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Never indexed (public/robots.txt keeps crawlers out): the work spaces and a requester's own pages.
      ...["dpo", "pro", "mes-demandes", "demande/confirmation", "demande/recu"].map((space) => ({
        source: `/:locale(fr|en)/${space}/:path*`,
        headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }],
      })),
    ];
  },
};

export default config;
