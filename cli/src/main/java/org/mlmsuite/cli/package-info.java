/**
 * The {@code mlm} command (picocli), in one flat package.
 *
 * <p>Reading order: {@link org.mlmsuite.cli.Main} (a user error is one line and exit code 2, see
 * {@code UserError}) → {@link org.mlmsuite.cli.MlmCommand} (the list of subcommands) → one {@code
 * *Command} class per subcommand, e.g. {@code PretrainCommand}, {@link
 * org.mlmsuite.cli.ClassifyCommand}, {@link org.mlmsuite.cli.TranslateCommand}, {@link
 * org.mlmsuite.cli.SummarizeCommand}, {@link org.mlmsuite.cli.MetricsCommand} with one class per
 * metric. The same package holds {@code mlm demo} ({@code DemoCommand}, {@code DemoStages}, {@code
 * DemoReport}, {@code DemoSize}) and {@code mlm bench} ({@code BenchCommand}, {@code BenchSuite},
 * {@code BenchStagePlanner}, {@code BenchPlan}, {@code BenchReport}, {@code AblationRun}), which
 * run the other subcommands as cached stages.
 *
 * <p>{@code TranslateCommand} and {@code SummarizeCommand} parse flags into a task module's request
 * record, call it and print its text ({@code CommandOutput}); {@code classify eval} still trains the
 * doccat baseline and assembles the report's provenance, and {@code classify predict} writes the
 * predictions file.
 */
package org.mlmsuite.cli;
