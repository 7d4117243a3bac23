/**
 * The jcstress bridge: a map scenario that Weft generated (or a report's replay token, or a scenario
 * written as text) run on real threads, JIT and CPU, each execution judged by the same linearizability
 * checker. {@link dev.weft.engine.stress.StressScenario} holds the scenario, {@link
 * dev.weft.engine.stress.StressRun} runs and times one execution and gives its verdict, and {@link
 * dev.weft.engine.stress.JcstressTestSources} writes one jcstress test per scenario (Weft itself does
 * not depend on jcstress). See docs/jcstress-bridge.md.
 */
package dev.weft.engine.stress;
