package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every TensorFlow session run in the product goes through {@code ExitGate}: one that does not
 * can be cut in half by a SIGINT/SIGTERM exit, and a JVM torn down under TensorFlow's threads dies
 * with SIGSEGV instead of exiting 130/143 (issue #17 session 13). A source scan, since the crash
 * itself shows in about one kill of four.
 */
class SessionRunsGatedTest {
  // A runner chain or runner variable run directly, and restores/initialisers called on a session.
  private static final List<Pattern> UNGATED = List.of(
      Pattern.compile("\\.runner\\(\\)[^;]*?\\.run\\(\\)", Pattern.DOTALL),
      Pattern.compile("\\b\\w*[rR]unner\\.run\\(\\)"),
      Pattern.compile("\\b\\w*[sS]ession\\.(restore|initialize)\\("));

  @Test
  void noSessionRunBypassesTheExitGate() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root, 12)) {
      sources = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/main/java/"))
          .filter(f -> !f.getFileName().toString().equals("ExitGate.java"))
          .toList();
    }
    assertTrue(sources.size() > 100, "found only " + sources.size() + " main sources under " + root);
    List<String> found = new ArrayList<>();
    for (Path source : sources) {
      found.addAll(ungatedRuns(root.relativize(source).toString(), Files.readString(source)));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theScanFindsEachKindOfUngatedRun() {
    String source = """
        class A {
          void a() {
            try (Result r = session.runner()
                .fetch(loss).run()) {}
            runner.run();
            session.restore(prefix);
            session.initialize();
            try (Result r = ExitGate.run(session.runner().fetch(loss))) {}
            ExitGate.restore(session, prefix);
          }
        }
        """;
    assertEquals(List.of("A.java:4", "A.java:5", "A.java:6", "A.java:7"), ungatedRuns("A.java", source));
  }

  private static List<String> ungatedRuns(String name, String source) {
    List<String> found = new ArrayList<>();
    for (Pattern pattern : UNGATED) {
      Matcher m = pattern.matcher(source);
      while (m.find()) {
        found.add(name + ":" + lineOf(source, m.end()));
      }
    }
    found.sort(null);
    return found;
  }

  private static long lineOf(String source, int offset) {
    return source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
