package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mlmsuite.eval.report.Provenance;

/** Software and hardware a benchmark ran on, beyond what {@link Provenance} records by default. */
final class BenchEnvironment {
  private BenchEnvironment() {}

  /** mlm-suite, Java and OS versions, plus TensorFlow, OpenNLP and the git commit when known. */
  static Map<String, String> software() {
    Map<String, String> s = new LinkedHashMap<>(Provenance.currentSoftware());
    s.put("git_commit", gitCommit());
    try {
      s.put("tensorflow", org.tensorflow.TensorFlow.version());
    } catch (RuntimeException | LinkageError e) {
      s.put("tensorflow", "unknown (" + e.getClass().getSimpleName() + ")");
    }
    s.put("opennlp", opennlp.tools.util.Version.currentVersion().toString());
    return s;
  }

  private static String summary;

  /** One line: versions, git commit, CPU model and cores (computed once per JVM). */
  static synchronized String summary() {
    if (summary == null) {
      Map<String, String> s = software();
      Map<String, String> h = hardware();
      summary = String.format("mlm-suite %s (git %s), Java %s, TensorFlow %s, OpenNLP %s; %s, %s cores, %s MiB heap",
          s.get("mlm-suite"), s.get("git_commit"), s.get("java"), s.get("tensorflow"), s.get("opennlp"),
          h.get("cpu_model"), h.get("cpus"), h.get("max_heap_mib"));
    }
    return summary;
  }

  /** Architecture, cores and memory, plus the CPU model from /proc/cpuinfo when readable. */
  static Map<String, String> hardware() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("cpu_model", cpuModel());
    h.putAll(Provenance.currentHardware());
    return h;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  /** Where the build writes the commit it built from (see bench/pom.xml), relative to this class. */
  static final String BUILD_COMMIT_RESOURCE = "build-commit.txt";

  private static final String COMMIT = "[0-9a-f]{40}(-dirty)?";

  /**
   * The commit of the code that is running: HEAD of the checkout holding this build's classes (with
   * "-dirty" if it has uncommitted changes), else the commit stamped into the build, else "unknown".
   * Not the working directory's checkout: a copied build run from inside another checkout would
   * record that checkout's commit instead of its own.
   */
  static String gitCommit() {
    return gitCommit(codeLocation(), buildCommit());
  }

  static String gitCommit(Path codeLocation, String buildCommit) {
    if (codeLocation != null) {
      try {
        String head = run("git", "-C", codeLocation.toString(), "rev-parse", "HEAD");
        if (head != null && !head.isBlank()) {
          String status = run("git", "-C", codeLocation.toString(), "status", "--porcelain", "--untracked-files=no");
          return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
        }
      } catch (IOException e) {
        // no git on this machine: fall back to the stamp
      }
    }
    return buildCommit != null && buildCommit.strip().matches(COMMIT) ? buildCommit.strip() : "unknown";
  }

  /** The commit stamped into this build, or null. */
  static String buildCommit() {
    try (var in = BenchEnvironment.class.getResourceAsStream(BUILD_COMMIT_RESOURCE)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static Path codeLocation() {
    try {
      Path location = Path.of(BenchEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(location) ? location : location.getParent();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      p.destroy();
    }
  }
}
