package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.eval.report.Section;

/**
 * Runs {@code mlm demo --size smoke} end to end in a child JVM whose dataset mirror is a few lines
 * per dataset (written here, in the mirror's layout), then again to check every stage is reused.
 * The smoke demo imports the real BERT-Base from the local Maven repository (as {@code mvn verify}'s
 * other BERT-Base tests do) and fine-tunes it for one step of two sentences, from it and from random
 * weights of its shape: the price of checking the demo's actual first stages. Measured: 672 s and
 * 5.2 GB peak resident memory (the child JVM) on 2 cores at load averages of 11 to 20 (2026-12-04).
 */
class DemoCommandTest {
  private static final int CACHED_STAGES = 10;
  private static final String[] SECTIONS = {"About this report", "Fill-mask with BERT-Base",
      "SST-2 sentiment: Test scores", "SST-2 predictions (library API)", "Translation En-De: Test scores",
      "Translations (library API)", "Summarization (extractive): ROUGE F1 x 100 (mean over examples)",
      "Summary (library API)"};

  @TempDir Path tmp;

  @Test
  void smokeDemoBuildsEveryStageAndOneReportThenReusesEverything() throws Exception {
    Path mirror = TinyMirror.write(tmp.resolve("mirror"));
    Path work = tmp.resolve("work");

    String first = runDemo(mirror, work, tmp.resolve("first.log"));
    assertTrue(first.contains("[15/15] write the demo report"), first);
    Matcher built = Pattern.compile("\\[\\d+/15] [^\\n]*: done in \\d+ s -> ").matcher(first);
    assertEquals(CACHED_STAGES, built.results().count(), first);
    Path html = work.resolve("report").resolve(ReportWriter.HTML);
    assertTrue(first.contains("Report (open in a browser): " + html), first);
    assertTrue(first.contains("What the numbers mean:"), first);
    assertTrue(first.contains("SST-2 dev accuracy after 1 fine-tuning steps: sst2-pretrained = "), first);
    // BERT-Base imported unchanged: Hugging Face's published top answer, and a fact it learned.
    assertTrue(first.contains("  Hello I'm a [MASK] model.\n    -> fashion (0.1073) role ("), first);
    assertTrue(first.contains("  The capital of France is [MASK].\n    -> paris ("), first);
    assertTrue(first.contains("Multi30k En-De BLEU on 4 test pairs: "), first);
    assertTrue(first.contains("; copy source = "), first);
    assertTrue(first.contains("DialogSum ROUGE-1 on 3 test dialogues: extractive-summarizer = "), first);
    // Translations and the summary come from the library API on the first test items.
    assertTrue(first.contains("  English:   A man rides a red bicycle down the street ."), first);
    assertTrue(first.contains("  reference: Person1 asks Person2 about the weekend trip ."), first);

    Report report = JsonReportFormat.read(work.resolve("report").resolve(ReportWriter.JSON));
    List<String> titles = report.sections().stream().map(Section::title).toList();
    for (String section : SECTIONS) {
      assertTrue(titles.stream().anyMatch(t -> t.startsWith(section)), section + " missing from " + titles);
    }
    assertTrue(Files.readString(html).contains("DEMO-SIZED"));
    assertEquals(List.of("sst2-pretrained", "sst2-no-pretraining", "OpenNLP doccat (maxent, BoW + bigrams)"),
        rowNames(report, "SST-2 sentiment: Test scores"));
    assertEquals(List.of("extractive-summarizer", "lead-3", "longest-3"),
        rowNames(report, "Summarization (extractive): ROUGE"));
    List<String> translationRows = rowNames(report, "Translation En-De: Test scores");
    assertEquals(List.of("greedy, max 16", "beam 4, length penalty 1.0, max 16", "copy source"), translationRows);

    String second = runDemo(mirror, work, tmp.resolve("second.log"));
    Matcher reused = Pattern.compile("\\[\\d+/15] [^\\n]*: reusing ").matcher(second);
    assertEquals(CACHED_STAGES, reused.results().count(), second);
    assertFalse(second.contains(": done in "), second);
    assertTrue(second.contains("Report (open in a browser): " + html), second);
  }

  private static List<String> rowNames(Report report, String titlePrefix) {
    return table(report, titlePrefix).rows().stream().map(MetricsTableSection.SystemRow::name).toList();
  }

  private static MetricsTableSection table(Report report, String titlePrefix) {
    return report.sections().stream()
        .filter(s -> s instanceof MetricsTableSection && s.title().startsWith(titlePrefix))
        .map(s -> (MetricsTableSection) s).findFirst().orElseThrow(() -> new AssertionError("no table " + titlePrefix));
  }

  /** Runs the demo in a child JVM (the mirror is found through MLM_DATA_DIR) and returns its output. */
  private static String runDemo(Path mirror, Path work, Path log) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "demo", "--size", "smoke", "--work-dir", work.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MLM_DATA_DIR", mirror.toString());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process child = pb.start();
    boolean finished = child.waitFor(30, TimeUnit.MINUTES); // generous: BERT-Base on a busy machine (its import took 408 s at load 40)
    if (!finished) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "demo did not finish:\n" + output);
    assertEquals(0, child.exitValue(), output);
    return output;
  }
}
