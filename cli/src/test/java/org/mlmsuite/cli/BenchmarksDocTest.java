package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every number docs/benchmarks.md quotes comes from the raw file its section cites ({@link DocumentedNumbers}). */
class BenchmarksDocTest {
  private static final Path BENCHMARKS = Path.of("..", "docs", "benchmarks.md");

  @TempDir Path tmp;

  @Test
  void everyQuotedNumberIsInTheRawFileItsSectionCites() {
    assertTrue(Files.isRegularFile(BENCHMARKS), BENCHMARKS.toAbsolutePath() + " (tests run in the module folder)");
    List<String> problems = DocumentedNumbers.problems(BENCHMARKS);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /** A page beside one raw file, {@code raw/report.json}. */
  private Path page(String markdown) throws IOException {
    Files.createDirectories(tmp.resolve("raw"));
    Files.writeString(tmp.resolve("raw/report.json"), "{\"accuracy\": 0.84403669, \"rouge1\": 0.318123, \"seconds\": 2106.73, "
        + "\"steps\": 12000, \"tokens\": 4852204, \"loss\": -0.5}");
    Path page = tmp.resolve("page.md");
    Files.writeString(page, markdown);
    return page;
  }

  @Test
  void numbersFoundAtTheirPrecisionAsPercentagesOrInTheirUnitPass() throws IOException {
    Path page = page("""
        # Results

        <!-- raw: raw/report.json -->
        | system | accuracy | ROUGE-1 | training | steps |
        |---|---|---|---|---|
        | ours | **0.8440** | 31.81 | 35.1 min | 12,000 |

        The model reaches 0.844 on 4.85 M tokens, loss 0.50; `--lr 0.0003` and 2.07x are not quoted figures.
        """);
    assertEquals(List.of(), DocumentedNumbers.problems(page));
  }

  @Test
  void aWrongNumberIsCaught() throws IOException {
    Path page = page("""
        # Results

        <!-- raw: raw/report.json -->
        | system | accuracy | training |
        |---|---|---|
        | ours | 0.8450 | 37 min |

        Prose too: 0.8441.
        """);
    assertEquals(List.of(
        "page.md:6: 0.8450 is in none of [raw/report.json]",
        "page.md:6: 37 min is in none of [raw/report.json]",
        "page.md:8: 0.8441 is in none of [raw/report.json]"), DocumentedNumbers.problems(page));
  }

  @Test
  void aSectionQuotingNumbersWithoutARawFileIsCaught() throws IOException {
    Path page = page("""
        # Cited

        <!-- raw: raw/report.json -->
        Accuracy 0.8440.

        ## A new section, uncited

        | system | tokens/s |
        |---|---|
        | ours | 1,234 |
        """);
    List<String> problems = DocumentedNumbers.problems(page);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("page.md:6: section 'A new section, uncited' quotes 1 numbers"), problems.get(0));
  }

  @Test
  void aMissingRawFileAndAnUnexplainedNoneAreCaught() throws IOException {
    Path page = page("""
        # Cited

        <!-- raw: raw/gone.json -->
        Accuracy 0.8440.

        ## Declared unbacked, silently

        <!-- raw: none -->
        Accuracy 0.9999.

        ## Declared unbacked, and said so

        <!-- raw: none -->
        Accuracy 0.9999, which is not backed by a
        committed raw file.
        """);
    List<String> problems = DocumentedNumbers.problems(page);
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("page.md:3: cites raw/gone.json, which does not exist", problems.get(0));
    assertTrue(problems.get(1).startsWith("page.md:1: section 'Cited' quotes 1 numbers"), problems.get(1));
    assertTrue(problems.get(2).startsWith("page.md:6: section 'Declared unbacked, silently' declares <!-- raw: none -->"),
        problems.get(2));
  }
}
