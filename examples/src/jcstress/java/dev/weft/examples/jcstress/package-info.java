/**
 * jcstress tests of the catalogue: what a sequentially consistent scheduler cannot show, run on real
 * threads, JIT and CPU. Compiled and packaged only by the {@code jcstress} profile ({@code
 * target/jcstress.jar}); {@code examples/jcstress.sh} builds and runs them and fails when a fixed or
 * control test shows a {@code FORBIDDEN} outcome. Tests of buggy code mark their bad outcomes {@code
 * ACCEPTABLE_INTERESTING}: they document the bug without failing the build.
 */
package dev.weft.examples.jcstress;
