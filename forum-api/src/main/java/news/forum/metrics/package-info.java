/**
 * Prometheus metrics: the requests by route and status with their latencies (Micronaut's web binder), what became
 * of each posted comment, the open event streams, the connection pool (Hikari's own meters), served on a port of
 * their own.
 */
package news.forum.metrics;
