package org.mlmsuite.eval.report;

import java.nio.file.Path;

/**
 * Writes a {@link Report} into a directory as report.json, report.md and report.html. Each file
 * is written to a temporary sibling and renamed into place, so a crash never leaves half a file;
 * report.json is written last, so its presence means the run's report is complete.
 */
public final class ReportWriter {
  public static final String JSON = "report.json";
  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";

  /** Writes the three files and returns the path of report.html. */
  public Path write(Report report, Path directory) {
    String json = JsonReportFormat.render(report);
    String md = MarkdownReportFormat.render(report);
    String html = HtmlReportFormat.render(report);
    AtomicFileWriter.write(directory.resolve(MARKDOWN), md);
    AtomicFileWriter.write(directory.resolve(HTML), html);
    AtomicFileWriter.write(directory.resolve(JSON), json);
    return directory.resolve(HTML);
  }
}
