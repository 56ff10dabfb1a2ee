/**
 * The {@code mlm} command (picocli), in one flat package.
 *
 * <p>Reading order: {@link org.mlmsuite.cli.Main} (a user error is one line and exit code 2, see
 * {@code UserError}) → {@link org.mlmsuite.cli.MlmCommand} (the list of subcommands) → one {@code
 * *Command} class per subcommand, e.g. {@code PretrainCommand}, {@link
 * org.mlmsuite.cli.ClassifyCommand}, {@link org.mlmsuite.cli.TranslateCommand}, {@link
 * org.mlmsuite.cli.SummarizeCommand}, {@link org.mlmsuite.cli.MetricsCommand} with one class per
 * metric. {@code DemoCommand} and {@code BenchCommand} only parse options: the demo and the
 * benchmark are in the {@code bench} module ({@code org.mlmsuite.bench}).
 *
 * <p>Today the task commands hold task logic as well as options: {@code classify eval} trains the
 * doccat baseline and assembles the report's provenance, {@code classify predict} writes the
 * predictions file, {@code summarize train} chooses between the two modes.
 */
package org.mlmsuite.cli;
