package io.kubesim.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code /api} or {@code /apis} path addresses (the apiserver's {@code RequestInfo}).
 *
 * @param group        empty for the core group
 * @param version      null for {@code /api} and {@code /apis/{group}}
 * @param namespace    null when not namespaced in the path
 * @param resource     null for discovery paths
 * @param name         null for collections
 * @param subresource  null unless {@code .../{name}/{subresource}}
 * @param legacyWatch  whether the path had the {@code /watch/} prefix
 */
record RequestTarget(boolean core, String group, String version, String namespace, String resource, String name,
                     String subresource, boolean legacyWatch) {

    /** The request attribute under which the endpoint leaves the parsed target of an API request. */
    static final String ATTRIBUTE = RequestTarget.class.getName();

    boolean isDiscovery() {
        return resource == null;
    }

    boolean isCollection() {
        return resource != null && name == null;
    }

    /**
     * Parses a path under {@code /api} or {@code /apis}; null when the path has extra segments or
     * is not an API path.
     */
    static RequestTarget parse(String path) {
        List<String> parts = segments(path);
        if (parts.isEmpty()) {
            return null;
        }
        int i;
        boolean core;
        String group;
        String version = null;
        if (parts.get(0).equals("api")) {
            core = true;
            group = "";
            i = 1;
        } else if (parts.get(0).equals("apis")) {
            core = false;
            if (parts.size() == 1) {
                return new RequestTarget(false, null, null, null, null, null, null, false);
            }
            group = parts.get(1);
            i = 2;
        } else {
            return null;
        }
        if (parts.size() == i) {
            return new RequestTarget(core, group, null, null, null, null, null, false);
        }
        version = parts.get(i++);
        if (parts.size() == i) {
            return new RequestTarget(core, group, version, null, null, null, null, false);
        }
        boolean watch = false;
        if (parts.get(i).equals("watch")) {
            watch = true;
            i++;
        }
        List<String> rest = parts.subList(i, parts.size());
        return resourcePath(core, group, version, rest, watch);
    }

    private static RequestTarget resourcePath(boolean core, String group, String version, List<String> rest, boolean watch) {
        if (rest.isEmpty()) {
            return null;
        }
        String namespace = null;
        List<String> r = rest;
        if (r.get(0).equals("namespaces") && r.size() >= 3 && !isNamespaceSubresource(r)) {
            namespace = r.get(1);
            r = r.subList(2, r.size());
        }
        return switch (r.size()) {
            case 1 -> new RequestTarget(core, group, version, namespace, r.get(0), null, null, watch);
            case 2 -> new RequestTarget(core, group, version, namespace, r.get(0), r.get(1), null, watch);
            case 3 -> new RequestTarget(core, group, version, namespace, r.get(0), r.get(1), r.get(2), watch);
            default -> null;
        };
    }

    /** {@code namespaces/{name}/status} and {@code /finalize} are subresources of the namespace itself. */
    private static boolean isNamespaceSubresource(List<String> r) {
        return r.size() == 3 && (r.get(2).equals("status") || r.get(2).equals("finalize"));
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
