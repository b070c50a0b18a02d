package io.kubesim.registry.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address checks mirroring {@code netutils.ParseIPSloppy}/{@code ParseCIDRSloppy} (IPv4 parts may have leading
 * zeros) and the apimachinery/core validators built on them. Never resolves host names.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** Parses an IPv4 or IPv6 literal into 4 or 16 bytes, or returns {@code null}. */
    public static byte[] parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parse6(s) : parse4(s);
    }

    private static byte[] parse4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parse6(String s) {
        byte[] out = new byte[16];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        List<Integer> h = groups(head);
        List<Integer> t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.size() + t.size();
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        for (int i = 0; i < h.size(); i++) {
            put(out, i, h.get(i));
        }
        for (int i = 0; i < t.size(); i++) {
            put(out, 8 - t.size() + i, t.get(i));
        }
        return out;
    }

    private static void put(byte[] out, int group, int value) {
        out[group * 2] = (byte) (value >> 8);
        out[group * 2 + 1] = (byte) value;
    }

    /** Hex groups of one side of {@code ::}; a trailing dotted IPv4 counts as two groups. */
    private static List<Integer> groups(String side) {
        List<Integer> result = new ArrayList<>();
        if (side.isEmpty()) {
            return result;
        }
        String[] parts = side.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.contains(".")) {
                byte[] v4 = parse4(p);
                if (v4 == null) {
                    return null;
                }
                result.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                result.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else if (p.isEmpty() || p.length() > 4 || !p.matches("[0-9a-fA-F]+")) {
                return null;
            } else {
                result.add(Integer.parseInt(p, 16));
            }
        }
        return result;
    }

    /** True for an address that Go's {@code To4()} treats as IPv4 (plain or IPv4-mapped IPv6). */
    static byte[] to4(byte[] ip) {
        if (ip.length == 4) {
            return ip;
        }
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return null;
            }
        }
        if (ip[10] != (byte) 0xff || ip[11] != (byte) 0xff) {
            return null;
        }
        return new byte[] {ip[12], ip[13], ip[14], ip[15]};
    }

    /** {@code netutils.IsIPv6String}. */
    public static boolean isIPv6(String s) {
        byte[] ip = parse(s);
        return ip != null && to4(ip) == null;
    }

    /** {@code validation.IsValidIP}. */
    public static List<FieldError> validateIp(FieldPath path, String value) {
        if (parse(value) == null) {
            return List.of(FieldError.invalid(path.toString(), value,
                    "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
        return List.of();
    }

    /** {@code validation.IsValidCIDR}. */
    public static List<FieldError> validateCidr(FieldPath path, String value) {
        if (!isCidr(value)) {
            return List.of(FieldError.invalid(path.toString(), value,
                    "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
        }
        return List.of();
    }

    /** {@code ParseCIDRSloppy} succeeds. */
    public static boolean isCidr(String value) {
        if (value == null) {
            return false;
        }
        int slash = value.indexOf('/');
        if (slash < 0) {
            return false;
        }
        byte[] ip = parse(value.substring(0, slash));
        String bits = value.substring(slash + 1);
        if (ip == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(bits) <= ip.length * 8;
    }

    /** True when the list has at least one IPv4 and one IPv6 entry ({@code IsDualStackIPStrings}/CIDRs). */
    public static boolean isDualStack(List<String> values, boolean cidr) {
        boolean v4 = false;
        boolean v6 = false;
        for (String v : values) {
            String ip = cidr && v.indexOf('/') >= 0 ? v.substring(0, v.indexOf('/')) : v;
            if (isIPv6(ip)) {
                v6 = true;
            } else {
                v4 = true;
            }
        }
        return v4 && v6;
    }

    /** {@code ValidateNonSpecialIP}: no unspecified, loopback or link-local addresses. */
    public static List<FieldError> validateNonSpecialIp(FieldPath path, String value) {
        byte[] ip = parse(value);
        String f = path.toString();
        if (ip == null) {
            return List.of(FieldError.invalid(f, value, "must be a valid IP address"));
        }
        List<FieldError> errs = new ArrayList<>();
        byte[] v4 = to4(ip);
        if (isZero(ip)) {
            errs.add(FieldError.invalid(f, value, "may not be unspecified (" + value + ")"));
        }
        if (v4 != null ? v4[0] == 127 : isV6Loopback(ip)) {
            errs.add(FieldError.invalid(f, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
        }
        if (v4 != null ? (v4[0] & 0xff) == 169 && (v4[1] & 0xff) == 254
                : (ip[0] & 0xff) == 0xfe && (ip[1] & 0xc0) == 0x80) {
            errs.add(FieldError.invalid(f, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
        }
        if (v4 != null ? (v4[0] & 0xff) == 224 && v4[1] == 0 && v4[2] == 0
                : (ip[0] & 0xff) == 0xff && (ip[1] & 0x0f) == 0x02) {
            errs.add(FieldError.invalid(f, value,
                    "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
        }
        return errs;
    }

    private static boolean isZero(byte[] ip) {
        byte[] v4 = to4(ip);
        byte[] b = v4 != null ? v4 : ip;
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isV6Loopback(byte[] ip) {
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }
}
