package org.mlmsuite.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * The models open in this JVM (an executor, or the driver in local mode): each model folder is
 * loaded once per variant, on first use by any task, and shared by every task of the JVM after
 * that (the facades are thread-safe). Keyed by path, content id, facade type and variant (how the
 * facade was loaded, e.g. a classifier's long-text strategy; null for the folder's own settings),
 * so an overwritten folder, the same folder opened as another kind or a task asking for another
 * variant loads anew. Closed by a shutdown hook when the JVM ends.
 *
 * <p>This is why nothing TensorFlow is ever serialized: tasks carry a {@link ModelLocation} and
 * look the model up here.
 */
final class ExecutorModels {
  private record Key(ModelLocation location, Class<?> type, Object variant) {}

  private static final Map<Key, AutoCloseable> OPEN = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "mlm-spark-close-models"));
  }

  private ExecutorModels() {}

  /**
   * The model at {@code location} as {@code variant} (an immutable value with equals, or null),
   * loaded with {@code loader} if this JVM has not loaded that variant yet.
   */
  static <T extends AutoCloseable> T get(ModelLocation location, Class<T> type, Object variant,
      Function<Path, T> loader, Configuration hadoop) {
    return type.cast(getAny(location, type, variant, loader, hadoop));
  }

  /** {@link #get} for callers that know the facade type only at run time. */
  static AutoCloseable getAny(ModelLocation location, Class<?> type, Object variant,
      Function<Path, ? extends AutoCloseable> loader, Configuration hadoop) {
    return OPEN.computeIfAbsent(new Key(location, type, variant), key -> {
      LOADS.incrementAndGet();
      long start = System.nanoTime();
      AutoCloseable model = loader.apply(location.localFolder(hadoop));
      // one line per load in the executor's stderr: how often and how long, per JVM
      System.err.printf(java.util.Locale.ROOT, "mlm-spark: loaded %s as %s%s in JVM %d in %.1f s%n", location.modelId(),
          type.getSimpleName(), variant == null ? "" : " (" + variant + ")", ProcessHandle.current().pid(),
          (System.nanoTime() - start) / 1e9);
      return model;
    });
  }

  /** How many times this JVM has loaded a model since it started (for tests and logs). */
  static int loads() {
    return LOADS.get();
  }

  /** Closes every open model; a later {@link #get} loads again. */
  static void closeAll() {
    for (Key key : OPEN.keySet()) {
      AutoCloseable model = OPEN.remove(key);
      if (model != null) {
        try {
          model.close();
        } catch (Exception e) {
          System.err.println("mlm-spark: closing " + key.location().path() + " failed: " + e.getMessage());
        }
      }
    }
  }
}
