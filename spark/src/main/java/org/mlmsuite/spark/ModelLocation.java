package org.mlmsuite.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A model folder as the driver found it: the path the user gave ({@code file://}, {@code hdfs://},
 * {@code s3a://}, or a plain local path) and a content id, a hash of the files that define the
 * model. Only this small value travels to executors; each executor JVM turns it into a local
 * folder with {@link #localFolder} (a copy, made once per JVM, when the path is not local).
 *
 * <p>A path without a scheme is local on every JVM, not on Hadoop's default file system: a
 * relative one is resolved in each JVM's working directory, where {@code spark-submit --archives
 * model.zip#model} unpacks a model on YARN (driver and executors, in cluster mode).
 *
 * <p>The content id makes a folder overwritten between two jobs a new model for the JVM caches.
 */
public record ModelLocation(String path, String contentId) implements Serializable {
  /** The files of a model folder that are the model (not the run's checkpoints or logs). */
  private static final String WEIGHTS_DIR = "weights";

  /** Reads the folder's defining files through Hadoop's file system for {@code path} and hashes them. */
  public static ModelLocation of(String path, Configuration hadoop) {
    try {
      org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = fileSystem(path, hadoop);
      if (!fs.getFileStatus(folder).isDirectory()) {
        throw new IllegalArgumentException("model path " + path + " is not a folder");
      }
      return new ModelLocation(path, contentId(fs, folder));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("model path " + path + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model folder " + path + ": " + e.getMessage(), e);
    }
  }

  /** The local file system for a path without a scheme (see the class comment), else the path's own. */
  private static FileSystem fileSystem(String path, Configuration hadoop) throws IOException {
    return uri(path).getScheme() == null ? FileSystem.getLocal(hadoop) : new org.apache.hadoop.fs.Path(path).getFileSystem(hadoop);
  }

  /** {@code <folder name>@<content id>}, the value of the {@code model_id} output column. */
  public String modelId() {
    String trimmed = path.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1) + "@" + contentId;
  }

  /** Whether executors can read the folder directly (a local path, same on every node). */
  public boolean isLocal() {
    String scheme = uri(path).getScheme();
    return scheme == null || scheme.equals("file");
  }

  /** Hadoop's reading of a path string (spaces and other characters need no escaping). */
  private static URI uri(String path) {
    return new org.apache.hadoop.fs.Path(path).toUri();
  }

  /** The local folder of a local path; a relative one stays relative to the working directory. */
  private Path localPath() {
    return uri(path).getScheme() == null ? Path.of(path) : Path.of(uri(path).getPath());
  }

  /**
   * The folder on this JVM's disk: the path itself when local, else a copy of the model files (not
   * the run's {@code checkpoints/}) under {@code java.io.tmpdir/mlm-spark-models/<content id>}.
   */
  public Path localFolder(Configuration hadoop) {
    if (isLocal()) {
      return localPath();
    }
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "mlm-spark-models", contentId);
    synchronized (ModelLocation.class) {
      if (!Files.isDirectory(target)) {
        copyModelFiles(hadoop, target);
      }
    }
    return target;
  }

  private void copyModelFiles(Configuration hadoop, Path target) {
    Path staging = target.resolveSibling(contentId + ".partial");
    try {
      org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = folder.getFileSystem(hadoop);
      Files.createDirectories(staging.resolve(WEIGHTS_DIR));
      for (FileStatus file : modelFiles(fs, folder)) {
        String relative = file.getPath().getParent().getName().equals(WEIGHTS_DIR)
            ? WEIGHTS_DIR + "/" + file.getPath().getName() : file.getPath().getName();
        fs.copyToLocalFile(false, file.getPath(), new org.apache.hadoop.fs.Path(staging.resolve(relative).toUri()), true);
      }
      Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy model folder " + path + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Top-level files and {@code weights/*}, sorted by name so the hash does not depend on listing order. */
  private static List<FileStatus> modelFiles(FileSystem fs, org.apache.hadoop.fs.Path folder) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus s : fs.listStatus(folder)) {
      if (s.isFile()) {
        files.add(s);
      }
    }
    org.apache.hadoop.fs.Path weights = new org.apache.hadoop.fs.Path(folder, WEIGHTS_DIR);
    if (fs.exists(weights)) {
      for (FileStatus s : fs.listStatus(weights)) {
        if (s.isFile()) {
          files.add(s);
        }
      }
    }
    files.sort(java.util.Comparator.comparing(s -> s.getPath().toString()));
    return files;
  }

  /**
   * SHA-256 over the small files that pin a model down: the top-level JSON and vocabulary files
   * and the checkpoint index (which holds a checksum of every tensor); first 12 hex digits.
   */
  private static String contentId(FileSystem fs, org.apache.hadoop.fs.Path folder) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (FileStatus file : modelFiles(fs, folder)) {
      String name = file.getPath().getName();
      if (name.endsWith(".json") || name.equals("vocab.txt") || name.endsWith(".index")) {
        sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = fs.open(file.getPath())) {
          sha.update(in.readAllBytes());
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }
}
