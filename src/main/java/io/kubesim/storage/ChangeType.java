package io.kubesim.storage;

/** What a committed write did to its object. */
public enum ChangeType {
    ADDED, MODIFIED, DELETED
}
