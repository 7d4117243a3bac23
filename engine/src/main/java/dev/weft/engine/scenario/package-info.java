/**
 * Scenarios of the map and object forms: what they draw from ({@link
 * dev.weft.engine.scenario.MapScenarioSpec}, {@link dev.weft.engine.scenario.ObjectScenarioSpec}), the
 * seeded generators that build scenario {@code i} of a test the same way on every run and JDK, and the
 * invokers that run one call on a real object and capture its result or exception. Nothing here knows
 * about threads or scheduling: the runtime decides who runs each call and when.
 */
package dev.weft.engine.scenario;
