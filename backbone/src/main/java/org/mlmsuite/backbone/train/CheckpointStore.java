package org.mlmsuite.backbone.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * The checkpoints of one run, under {@code <output>/checkpoints}: directories {@code ckpt-<step>}
 * and a {@code latest} pointer file. A checkpoint is written into a hidden temp directory, fsynced
 * and renamed into place, so a directory named {@code ckpt-*} is always complete, whenever the
 * process dies; {@code latest} (written atomically after the rename) names the newest one for
 * tools. Keeps the newest {@code keep} checkpoints.
 */
public final class CheckpointStore {
  public static final String DIRECTORY = "checkpoints";
  public static final String LATEST = "latest";
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final int keep;

  public CheckpointStore(Path outputDirectory, int keep) {
    this.root = outputDirectory.resolve(DIRECTORY);
    this.keep = keep;
  }

  /** The newest complete checkpoint of the run in {@code outputDirectory}, if any. */
  public static Optional<Checkpoint> latest(Path outputDirectory) {
    return new CheckpointStore(outputDirectory, 1).latest();
  }

  /**
   * The newest complete checkpoint. Normally the one the {@code latest} pointer names; after a
   * crash between a checkpoint's rename and the pointer update, the newer complete directory.
   */
  public Optional<Checkpoint> latest() {
    try {
      List<Checkpoint> all = list();
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoints in " + root, e);
    }
  }

  /** Complete checkpoints, oldest first. */
  public List<Checkpoint> list() throws IOException {
    List<Checkpoint> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        Matcher m = NAME.matcher(d.getFileName().toString());
        if (m.matches() && Files.isRegularFile(d.resolve(Checkpoint.STATE_FILE))) {
          out.add(new Checkpoint(d, Long.parseLong(m.group(1))));
        }
      }
    }
    out.sort(Comparator.comparingLong(Checkpoint::step));
    return out;
  }

  /** Saves all variables and {@code state} as checkpoint {@code state.step()}; prunes old ones. */
  public Checkpoint save(Session session, TrainerState state) throws IOException {
    String name = String.format("ckpt-%09d", state.step());
    Checkpoint saved = writeAtomically(session, state, root, name);
    AtomicFiles.writeString(root.resolve(LATEST), name + "\n");
    List<Checkpoint> all = list();
    for (int i = 0; i < all.size() - keep; i++) {
      AtomicFiles.deleteTree(all.get(i).directory());
    }
    return saved;
  }

  /**
   * Writes {@code parent/name} atomically, replacing an existing directory of that name; a
   * SIGINT/SIGTERM's cleanup waits for it ({@link ExitGate#pass}).
   */
  static Checkpoint writeAtomically(Session session, TrainerState state, Path parent, String name)
      throws IOException {
    return ExitGate.pass(() -> writeAtomicallyNow(session, state, parent, name));
  }

  private static Checkpoint writeAtomicallyNow(Session session, TrainerState state, Path parent, String name)
      throws IOException {
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + name + ".tmp");
    AtomicFiles.deleteTree(tmp);
    AtomicFiles.deleteOnExit(tmp);
    try {
      Files.createDirectories(tmp);
      saveVariables(session, tmp);
      Files.writeString(tmp.resolve(Checkpoint.STATE_FILE),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state), StandardCharsets.UTF_8);
      AtomicFiles.fsyncTree(tmp);
    } catch (IOException | RuntimeException e) { // TF reports a full disk as a RuntimeException
      AtomicFiles.deleteTree(tmp);
      throw e;
    } finally {
      AtomicFiles.finished(tmp);
    }
    Path target = parent.resolve(name);
    Path old = parent.resolve("." + name + ".old");
    AtomicFiles.deleteTree(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    AtomicFiles.fsyncDirectory(parent);
    AtomicFiles.deleteTree(old);
    return new Checkpoint(target, state.step());
  }

  /**
   * TensorFlow reports a failed write (a full disk) as a RuntimeException whose text ends in an
   * out-of-memory hint that misleads; the user needs the folder and the first line.
   */
  private static void saveVariables(Session session, Path folder) throws IOException {
    try {
      session.save(folder.resolve(Checkpoint.VARIABLES).toString());
    } catch (RuntimeException e) {
      String firstLine = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage().lines().findFirst().orElse("");
      java.nio.file.FileSystemException named =
          new java.nio.file.FileSystemException(folder.toString(), null, "cannot save the checkpoint: " + firstLine);
      named.initCause(e);
      throw named;
    }
  }

  /** Removes temp directories left by a process killed while writing. */
  public void removeIncompleteWrites() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String n = d.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".tmp")) {
          AtomicFiles.deleteTree(d);
        } else if (n.startsWith(".") && n.endsWith(".old")) {
          // Killed between moving the old copy aside and moving the new one in: put it back.
          Path target = root.resolve(n.substring(1, n.length() - ".old".length()));
          if (Files.exists(target)) {
            AtomicFiles.deleteTree(d);
          } else {
            Files.move(d, target, StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
    }
  }

  static TrainerState readState(Checkpoint checkpoint) throws IOException {
    Path file = checkpoint.directory().resolve(Checkpoint.STATE_FILE);
    try {
      return JSON.readValue(file.toFile(), TrainerState.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file + ": unreadable trainer state: " + e.getOriginalMessage(), e);
    }
  }
}
