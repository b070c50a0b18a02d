/**
 * Durable storage of every kind as JSON documents in two tables: the current objects and an
 * append-only revision log. One global counter row gives every write its revision (the
 * resourceVersion); writers are serialised by that row's lock, so commit order is revision order.
 * Committed changes are published, in revision order, to {@link io.kubesim.storage.ChangeListener}s.
 * This package depends on nothing else of kubesim.
 */
package io.kubesim.storage;
