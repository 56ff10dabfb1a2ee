/**
 * mlm-suite on Apache Spark: the same model folders, run over a {@code Dataset<Row>} on a cluster.
 *
 * <p>Reading order: {@link org.mlmsuite.spark.MlmSpark} (the API users call, on the driver), then
 * {@link org.mlmsuite.spark.ModelLocation} (a model folder as a path and content id, the only
 * thing about a model that is serialized), {@link org.mlmsuite.spark.ExecutorModels} (each
 * executor JVM's models, loaded once per long-text strategy), {@link
 * org.mlmsuite.spark.BatchedPartition} and its subclasses (a partition read in batches, one model
 * call each).
 *
 * <p>Spark is a {@code provided} dependency: the cluster brings it, and with it the Jackson our
 * model-folder reading runs on there.
 */
package org.mlmsuite.spark;
