/**
 * The watch cache: per resource, the current objects and a bounded window of recent events, fed by
 * the store's committed-change stream in revision order. Lists are served from it (no SQL on the
 * read path), watches replay from the window and then tail it; a watcher whose bounded queue fills
 * up is cut, never allowed to slow writers.
 */
package io.kubesim.watch;
