import type { TestProject } from "vitest/node";
import { startLocalStack } from "@/scripts/lib/stack";

/**
 * Integration tests run against a real PostgreSQL (a throwaway cluster) and a real SMTP catcher.
 * `npm test` starts them once and passes TEST_ENV; run alone, this starts its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_ENV) {
    project.provide("testEnv", process.env.TEST_ENV);
    return;
  }
  const stack = await startLocalStack();
  project.provide("testEnv", JSON.stringify(stack.env));
  return () => stack.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: string;
  }
}
