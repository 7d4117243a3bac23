/**
 * The concurrent-map misuse catalogue: each sub-package is one numbered entry of {@code docs/examples.md}
 * and holds a small, realistic class in a buggy version ({@code Buggy…}) and a fixed one. The buggy
 * classes are wrong on purpose and must not be copied; their Javadoc says what goes wrong and why.
 */
package dev.weft.examples;
