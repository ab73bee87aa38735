/** Seeds and test-data helpers: factories, the deterministic PRNG, the demo dataset. */
export * from "./random";
export * from "./factories";
export {
  DEMO_ACTORS,
  DEMO_NAMESPACE,
  DEMO_PATIENTS,
  DEMO_RELATIVES,
  seedDemo,
  type DemoActorKey,
  type DemoPatientKey,
  type DemoRelativeKey,
  type DemoSeedResult,
} from "./demo";
