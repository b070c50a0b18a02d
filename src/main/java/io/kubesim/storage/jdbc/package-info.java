/**
 * The JDBC implementation of the object store, shared by H2 and PostgreSQL: a single writer thread
 * group-commits queued writes (many writes, one transaction, one flush), allocating their revisions
 * from the counter row inside the transaction.
 */
package io.kubesim.storage.jdbc;
