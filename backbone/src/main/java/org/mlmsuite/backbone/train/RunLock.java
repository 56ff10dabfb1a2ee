package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second training run out of an output directory a live run is writing to: it would
 * otherwise delete the live run's half-written checkpoint as debris and interleave both logs.
 * An OS file lock, so a run killed with SIGKILL leaves nothing that blocks its {@code --resume}.
 */
final class RunLock implements AutoCloseable {
  static final String FILE_NAME = ".training.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws, naming the process that holds it. */
  static RunLock acquire(Path outputDirectory) throws IOException {
    Path file = outputDirectory.resolve(FILE_NAME);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) { // held by this JVM
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      channel.close();
      throw new IllegalArgumentException(outputDirectory + ": another training run is writing here"
          + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish or stop it before resuming");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
    AtomicFiles.deleteOnExit(file);
    return new RunLock(file, channel, lock);
  }

  /**
   * Deletes the lock file while still holding the lock (so no finished folder keeps it), then
   * releases the lock; a failure to release is moot, since the OS drops it with the process.
   */
  @Override
  public void close() {
    try (channel) {
      Files.deleteIfExists(file);
      lock.release();
    } catch (IOException e) {
      // nothing to do: see above
    } finally {
      AtomicFiles.finished(file);
    }
  }
}
