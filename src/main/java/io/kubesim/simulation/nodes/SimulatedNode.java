package io.kubesim.simulation.nodes;

import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulation knows of one node: its address, its pod IP range, the images it has. */
public final class SimulatedNode {

    private final String name;
    private final String internalIp;
    private final int cidrBase;
    private final BitSet usedIps = new BitSet(256);
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private volatile boolean reachable = true;

    SimulatedNode(String name, String internalIp, String podCidr) {
        this.name = name;
        this.internalIp = internalIp;
        this.cidrBase = podCidr == null ? 0 : base(podCidr);
    }

    private static int base(String cidr) {
        String[] p = cidr.split("/")[0].split("\\.");
        return (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8);
    }

    public String name() {
        return name;
    }

    public String internalIp() {
        return internalIp;
    }

    public boolean reachable() {
        return reachable;
    }

    void reachable(boolean r) {
        this.reachable = r;
    }

    /** A free pod IP ({@code .2} to {@code .254} of the podCIDR), or null when full. */
    public synchronized String allocateIp() {
        for (int i = 2; i < 255; i++) {
            if (!usedIps.get(i)) {
                usedIps.set(i);
                return ip(cidrBase | i);
            }
        }
        return null;
    }

    /** Marks an IP as used (pods found at startup). */
    public synchronized void claimIp(String ip) {
        Integer host = hostPart(ip);
        if (host != null) {
            usedIps.set(host);
        }
    }

    public synchronized void releaseIp(String ip) {
        Integer host = hostPart(ip);
        if (host != null) {
            usedIps.clear(host);
        }
    }

    private Integer hostPart(String ip) {
        if (ip == null) {
            return null;
        }
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            return null;
        }
        int v = (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8);
        return v == cidrBase ? Integer.parseInt(p[3]) : null;
    }

    static String ip(int v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    public boolean hasImage(String image) {
        return images.contains(image);
    }

    public void addImage(String image) {
        images.add(image);
    }
}
