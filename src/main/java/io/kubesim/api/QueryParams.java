package io.kubesim.api;

import io.kubesim.registry.ApiException;
import io.kubesim.registry.DeleteOptions;
import io.kubesim.registry.FieldValidation;
import io.kubesim.registry.ListOptions;
import io.kubesim.registry.WriteOptions;
import io.kubesim.registry.validation.FieldError;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/** Typed reading of the apiserver's query parameters, with 400/422 for malformed values. */
final class QueryParams {

    private final HttpServletRequest request;

    QueryParams(HttpServletRequest request) {
        this.request = request;
    }

    String get(String name) {
        return request.getParameter(name);
    }

    boolean has(String name) {
        return request.getParameterMap().containsKey(name);
    }

    /** Go's query-to-bool conversion: present and not "false"/"0". */
    boolean flag(String name) {
        String v = request.getParameter(name);
        if (v == null) {
            return false;
        }
        String l = v.toLowerCase(Locale.ROOT);
        return !(l.equals("false") || l.equals("0"));
    }

    Boolean optionalBool(String name) {
        String v = request.getParameter(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default -> throw ApiException.badRequest("strconv.ParseBool: parsing " + quote(v) + ": invalid syntax");
        };
    }

    Long optionalLong(String name) {
        String v = request.getParameter(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.ParseInt: parsing " + quote(v) + ": invalid syntax");
        }
    }

    private static String quote(String s) {
        return io.kubesim.registry.validation.GoFormat.quote(s);
    }

    ListOptions listOptions(boolean watch) {
        return new ListOptions(get("labelSelector"), get("fieldSelector"), get("resourceVersion"),
                get("resourceVersionMatch"), optionalLong("limit"), get("continue"), watch,
                flag("allowWatchBookmarks"), optionalBool("sendInitialEvents"), optionalLong("timeoutSeconds"));
    }

    /** dryRun: only "All" is allowed (repeatable). */
    boolean dryRun(String optionsKind) {
        String[] values = request.getParameterValues("dryRun");
        if (values == null || values.length == 0) {
            return false;
        }
        for (String v : values) {
            if (!v.equals("All")) {
                throw ApiException.invalidOptions(optionsKind, List.of(FieldError.notSupported("dryRun",
                        List.of(values), List.of("All"))));
            }
        }
        return true;
    }

    WriteOptions writeOptions(String optionsKind) {
        boolean dryRun = dryRun(optionsKind);
        String manager = get("fieldManager");
        if (manager != null && manager.length() > 128) {
            throw ApiException.invalidOptions(optionsKind, List.of(FieldError.tooLong("fieldManager", manager, 128)));
        }
        FieldValidation validation;
        try {
            validation = FieldValidation.parse(get("fieldValidation"));
        } catch (ApiException e) {
            throw ApiException.invalidOptions(optionsKind, List.of(FieldError.notSupported("fieldValidation",
                    get("fieldValidation"), List.of("", "Ignore", "Strict", "Warn"))));
        }
        boolean force = flag("force");
        return new WriteOptions(dryRun, manager, validation, force, request.getHeader("User-Agent"));
    }

    DeleteOptions deleteOptionsFromQuery() {
        return new DeleteOptions(optionalLong("gracePeriodSeconds"), get("propagationPolicy"),
                optionalBool("orphanDependents"), null, null, dryRun("DeleteOptions"));
    }
}
