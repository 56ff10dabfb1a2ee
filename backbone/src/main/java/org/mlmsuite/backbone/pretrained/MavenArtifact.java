package org.mlmsuite.backbone.pretrained;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jar on Maven Central, found in the local Maven repository and downloaded there by Maven itself
 * when absent ({@code mvn dependency:get}): the same cache a build uses, so a second import and the
 * project's own tests reuse one download. No other network access.
 */
public record MavenArtifact(String groupId, String artifactId, String version) {
  private static final Pattern COORDINATE = Pattern.compile("([\\w.\\-]+):([\\w.\\-]+):([\\w.\\-]+)");
  /** Pinned, so the download does not depend on Maven's default plugin version. */
  private static final String GET_GOAL = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get";

  /** {@code group:artifact:version}, or empty when {@code text} is not one. */
  public static java.util.Optional<MavenArtifact> parse(String text) {
    Matcher m = COORDINATE.matcher(text);
    return m.matches()
        ? java.util.Optional.of(new MavenArtifact(m.group(1), m.group(2), m.group(3)))
        : java.util.Optional.empty();
  }

  public String coordinate() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /** Where Maven keeps the jar: {@code ~/.m2/repository/group/path/artifact/version/artifact-version.jar}. */
  public Path localPath(Path repository) {
    return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + ".jar");
  }

  /** The local repository: {@code -Dmaven.repo.local} if set, else {@code ~/.m2/repository}. */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /**
   * The jar in the local repository, downloaded first if it is not there yet.
   *
   * @param progress told before a download starts (it can take minutes), every few seconds while it
   *     runs, and once when it is done
   */
  public Path resolve(java.util.function.Consumer<String> progress) {
    Path repository = localRepository();
    Path jar = localPath(repository);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    progress.accept("downloading " + coordinate() + " from Maven Central into " + repository
        + " (once; later imports reuse it)");
    try (DownloadProgress arrivals = new DownloadProgress(jar.getParent(), progress)) {
      download(repository);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("Maven reported success but " + jar + " is missing");
      }
      progress.accept(DownloadProgress.done(DownloadProgress.bytesArrived(jar.getParent()), arrivals.elapsed()));
    }
    return jar;
  }

  private void download(Path repository) {
    List<String> command = List.of("mvn", "-B", "-q", GET_GOAL, "-Dartifact=" + coordinate(),
        "-Dtransitive=false", "-Dmaven.repo.local=" + repository);
    Path log;
    try {
      log = Files.createTempFile("mlm-maven-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Process maven = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      int exit = maven.waitFor();
      if (exit != 0) {
        throw new IllegalArgumentException("cannot download " + coordinate() + " with Maven (exit "
            + exit + "): " + lastErrorLine(log));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot run 'mvn' to download " + coordinate()
          + " (is Maven installed and on PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted downloading " + coordinate()));
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temp file in the system's temp folder
      }
    }
  }

  private static String lastErrorLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return lines.stream().filter(l -> l.contains("[ERROR]")).findFirst()
        .map(l -> l.replace("[ERROR]", "").strip())
        .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
  }
}
