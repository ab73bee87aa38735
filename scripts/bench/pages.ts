/**
 * npm run bench:pages [-- --skip-build] [-- --no-lighthouse]
 * For each patient page of a production build: the JavaScript a first visit downloads (gzipped, as
 * the server sends it), and Lighthouse's mobile performance score (Debian's Chromium).
 */
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { startLocalStack } from "../lib/stack";

const { values } = parseArgs({
  options: { "skip-build": { type: "boolean", default: false }, "no-lighthouse": { type: "boolean", default: false } },
});
const PAGES = [
  "/fr",
  "/en",
  "/fr/registre",
  "/fr/demande",
  "/en/demande",
  "/fr/connexion",
  "/fr/connexion/verifiez",
  "/fr/mes-demandes",
];
const BUDGET_KB = 150;

async function firstLoadJs(base: string, path: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(base + path)).text();
  // Scripts a current browser runs; noModule ones (legacy polyfills) are skipped by them.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
  const sources = [
    ...new Set(tags.map((tag) => tag.match(/src="([^"]+)"/)?.[1]).filter((src): src is string => Boolean(src))),
  ];
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { files: sources.length, gzipBytes };
}

async function lighthouseScores(base: string): Promise<Map<string, number>> {
  const { default: lighthouse } = await import("lighthouse");
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const scores = new Map<string, number>();
  try {
    for (const path of PAGES) {
      const result = await lighthouse(base + path, {
        port: chrome.port,
        onlyCategories: ["performance"],
        formFactor: "mobile",
        output: "json",
        logLevel: "error",
      });
      scores.set(path, Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

async function main() {
  const stack = await startLocalStack();
  try {
    const db = createDb(stack.env.DATABASE_URL!, 2);
    await seedDemo(db);
    await db.$disconnect();
    if (!values["skip-build"]) await stack.build();
    await stack.startApp({ workers: 0 });
    const base = stack.env.APP_URL!;
    for (const path of PAGES) await fetch(base + path); // warm the server
    const scores = values["no-lighthouse"] ? new Map<string, number>() : await lighthouseScores(base);
    console.log(
      `\nFirst-load JavaScript per patient page (gzip), budget ${BUDGET_KB} KB; Lighthouse mobile performance:`,
    );
    let worst = 0;
    for (const path of PAGES) {
      const { files, gzipBytes } = await firstLoadJs(base, path);
      worst = Math.max(worst, gzipBytes);
      const score = scores.has(path) ? `  Lighthouse ${scores.get(path)}` : "";
      console.log(
        `${path.padEnd(26)} ${String(files).padStart(3)} files  ${(gzipBytes / 1024).toFixed(1).padStart(7)} KB${score}`,
      );
    }
    console.log(
      `heaviest page: ${(worst / 1024).toFixed(1)} KB (${worst / 1024 <= BUDGET_KB ? "within" : "OVER"} the ${BUDGET_KB} KB budget)`,
    );
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);
