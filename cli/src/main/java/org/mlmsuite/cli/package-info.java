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
 * <p>The task commands ({@code ClassifyCommand}, {@code TranslateCommand}, {@code
 * SummarizeCommand}) parse flags into a task module's request record, call it and print its text
 * ({@code CommandOutput}).
 */
package org.mlmsuite.cli;
