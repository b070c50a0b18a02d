package io.kubesim.api;

import io.kubesim.registry.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Request paths: percent-decoding per segment and the apiserver's name path-segment rule. */
final class Paths {

    private Paths() {
    }

    /** The request path (without context path), each segment percent-decoded ('+' stays '+'). */
    static String decoded(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String ctx = req.getContextPath();
        if (ctx != null && !ctx.isEmpty() && uri.startsWith(ctx)) {
            uri = uri.substring(ctx.length());
        }
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length());
        for (String segment : uri.split("/", -1)) {
            if (!out.isEmpty() || uri.startsWith("/")) {
                out.append('/');
            }
            out.append(percentDecode(segment).replace("/", "%2F"));
        }
        // the loop wrote one '/' too many before a leading empty segment
        return out.length() > 1 && out.charAt(0) == '/' && out.charAt(1) == '/' ? out.substring(1) : out.toString();
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    b.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (RuntimeException e) {
                    // not an escape: keep the '%'
                }
            }
            b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The storage key rule: a name may not be "." or ".." nor contain "/" or "%". */
    static void checkName(String name) {
        String why = null;
        if (name.equals(".") || name.equals("..")) {
            why = "may not be '" + name + "'";
        } else if (name.contains("/")) {
            why = "may not contain '/'";
        } else if (name.contains("%")) {
            why = "may not contain '%'";
        }
        if (why != null) {
            throw ApiException.badRequest("Name parameter invalid: " + io.kubesim.registry.validation.GoFormat.quote(name)
                    + ": " + why);
        }
    }
}
