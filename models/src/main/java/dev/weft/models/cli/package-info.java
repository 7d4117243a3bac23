/**
 * The command line of the executable {@code weft-models} jar: {@code check --model NAME
 * [--timeout SECONDS] [--max-states N] [--stats] HISTORY.jsonl} prints the verdict and exits with 0
 * (linearizable), 1 (not linearizable, with the explanation), 2 (unknown, with the reason) or 3
 * (unusable input or arguments, with the problem on standard error).
 */
package dev.weft.models.cli;
