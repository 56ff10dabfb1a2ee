package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Work that a SIGINT/SIGTERM exit must not cut in half: a file write step (so the exit cleanup
 * cannot race it) and a TensorFlow session run (a JVM that exits while TensorFlow's threads still
 * compute can die in native code, SIGSEGV and an {@code hs_err} file, instead of exiting 130/143).
 * The exit waits for work in progress (up to {@value #EXIT_WAIT_SECONDS} s), and work that comes
 * later never starts: its thread waits for the JVM to halt.
 */
public final class ExitGate {
  private ExitGate() {}

  // Held shared by the work, and for good by the exit once it starts.
  private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();
  private static final long EXIT_WAIT_SECONDS = 20;
  private static final Object HOOK = new Object();
  private static final Object CLOSE = new Object();
  private static boolean hookInstalled;
  private static boolean closed;

  /** A step that may fail with an {@link IOException}. */
  public interface IoStep<T> {
    T run() throws IOException;
  }

  /** Runs {@code step} inside the gate. */
  public static <T> T pass(IoStep<T> step) throws IOException {
    enter();
    try {
      return step.run();
    } finally {
      GATE.readLock().unlock();
    }
  }

  /** Runs a TensorFlow session run inside the gate. */
  public static Result run(Session.Runner runner) {
    enter();
    try {
      return runner.run();
    } finally {
      GATE.readLock().unlock();
    }
  }

  /**
   * Called first by a shutdown hook: waits for the work in progress and keeps any more from
   * starting (the gate is never opened again).
   */
  static void closeForExit() {
    synchronized (CLOSE) { // the hooks run at once: the first closes the gate, the others wait for it
      if (closed) {
        return;
      }
      closed = true;
      try {
        GATE.writeLock().tryLock(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void enter() {
    installHook();
    GATE.readLock().lock();
  }

  private static void installHook() {
    synchronized (HOOK) {
      if (!hookInstalled) {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGate::closeForExit, "mlm-exit-gate"));
        hookInstalled = true;
      }
    }
  }
}
