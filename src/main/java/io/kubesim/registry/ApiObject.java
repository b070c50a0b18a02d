package io.kubesim.registry;

/**
 * An object as the API returns it: its JSON bytes, ready to write.
 *
 * @param itemOffset where the fields after apiVersion/kind start (a list item is '{' + json[itemOffset..])
 */
public record ApiObject(byte[] json, int itemOffset, String name, String namespace, String uid, long revision) {
}
