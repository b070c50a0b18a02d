package io.kubesim.registry.kinds;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.validation.FieldError;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * ClusterIP allocation from the service CIDR (default 10.96.0.0/12), as the apiserver's IP
 * allocator does: the first address belongs to {@code default/kubernetes}, automatic allocation
 * prefers the upper band, a requested address must be free and in range. An address is free again
 * once its Service is gone (the allocator reads the current Services).
 */
public final class ServiceIpAllocator {

    private final String cidr;
    private final long base;
    private final long size;
    private final long staticBand;
    private volatile Supplier<Set<String>> inUse = Set::of;
    private final Map<String, Long> recent = new ConcurrentHashMap<>();

    public ServiceIpAllocator(String cidr) {
        this.cidr = cidr;
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long address = toLong(parts[0]);
        this.size = 1L << (32 - bits);
        this.base = address & ~(size - 1);
        this.staticBand = Math.min(Math.max(16, size / 16), 256);
    }

    /** Where the allocator learns which addresses Services use now. */
    public void source(Supplier<Set<String>> used) {
        this.inUse = used;
    }

    /** The first usable address ({@code 10.96.0.1}), reserved for {@code default/kubernetes}. */
    public String first() {
        return toIp(base + 1);
    }

    static long toLong(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException(ip);
        }
        long v = 0;
        for (String s : p) {
            int octet = Integer.parseInt(s);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException(ip);
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    static String toIp(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    private Set<String> used() {
        Set<String> used = new HashSet<>(inUse.get());
        long now = System.nanoTime();
        recent.entrySet().removeIf(e -> used.contains(e.getKey()) || now - e.getValue() > 60_000_000_000L);
        used.addAll(recent.keySet());
        return used;
    }

    /** A free address from the dynamic (upper) band, else the static band. */
    public synchronized String allocate() {
        Set<String> used = used();
        long dynamic = size - 2 - staticBand;
        long start = ThreadLocalRandom.current().nextLong(Math.max(1, dynamic));
        for (long i = 0; i < size - 2; i++) {
            long offset = 1 + staticBand + ((start + i) % Math.max(1, dynamic));
            if (i >= dynamic) {
                offset = 2 + (i - dynamic);
            }
            String ip = toIp(base + offset);
            if (!used.contains(ip)) {
                recent.put(ip, System.nanoTime());
                return ip;
            }
        }
        throw ApiException.internal("range is full");
    }

    /** Claims a requested address; 422 when it is outside the range or taken. */
    public synchronized void claim(String ip, String serviceName) {
        long v;
        try {
            v = toLong(ip);
        } catch (RuntimeException e) {
            return;
        }
        if (v <= base || v >= base + size - 1) {
            throw invalid(serviceName, ip, "failed to allocate IP " + ip + ": the provided IP (" + ip
                    + ") is not in the valid range. The range of valid IPs is " + cidr);
        }
        if (used().contains(ip)) {
            throw invalid(serviceName, ip, "failed to allocate IP " + ip + ": provided IP is already allocated");
        }
        recent.put(ip, System.nanoTime());
    }

    private static ApiException invalid(String name, String ip, String detail) {
        return ApiException.invalid("", "Service", name, List.of(FieldError.invalid("spec.clusterIPs", List.of(ip), detail)));
    }
}
