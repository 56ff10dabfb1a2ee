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
 * <p>The task commands ({@code ClassifyCommand}, {@code TranslateCommand}, {@code
 * SummarizeCommand}) parse flags into a task module's request record, call it and print the result
 * ({@code CommandOutput} for translate and summarize); the work is in the task modules.
 */
package org.mlmsuite.cli;
