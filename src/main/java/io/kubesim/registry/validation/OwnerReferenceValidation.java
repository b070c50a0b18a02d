package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metadata.ownerReferences} rules of apimachinery's {@code objectmeta.go}. */
public final class OwnerReferenceValidation {

    /** fabric8 fills a missing {@code apiVersion}/{@code kind} with these defaults; they mean "absent". */
    private static final String FABRIC8_KIND = "OwnerReference";

    private OwnerReferenceValidation() {
    }

    /** The reference's kind, empty when it is fabric8's placeholder. */
    static String kind(OwnerReference r) {
        String kind = str(r.getKind());
        return kind.equals(FABRIC8_KIND) ? "" : kind;
    }

    /** The reference's apiVersion, empty when it is fabric8's placeholder {@code v1} of a placeholder kind. */
    static String apiVersion(OwnerReference r) {
        String v = str(r.getApiVersion());
        return v.equals("v1") && str(r.getKind()).equals(FABRIC8_KIND) ? "" : v;
    }

    /** {@code ValidateOwnerReferences}: required fields, no Event owners, at most one controller. */
    public static List<FieldError> validateOwnerReferences(List<OwnerReference> refs, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (refs == null) {
            return errs;
        }
        String firstController = "";
        for (OwnerReference ref : refs) {
            OwnerReference r = ref == null ? new OwnerReference() : ref;
            errs.addAll(validateOwnerReference(r, path));
            if (Boolean.TRUE.equals(r.getController())) {
                String current = kind(r) + "/" + str(r.getName());
                if (!firstController.isEmpty()) {
                    errs.add(FieldError.invalid(path.toString(), ownerRefsValue(refs),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    private static List<FieldError> validateOwnerReference(OwnerReference r, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String apiVersion = apiVersion(r);
        String[] gv = parseGroupVersion(apiVersion);
        if (gv[1].isEmpty()) {
            errs.add(FieldError.invalid(path.child("apiVersion").toString(), apiVersion, "version must not be empty"));
        }
        if (kind(r).isEmpty()) {
            errs.add(FieldError.invalid(path.child("kind").toString(), "", "must not be empty"));
        }
        if (str(r.getName()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("name").toString(), "", "must not be empty"));
        }
        if (str(r.getUid()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("uid").toString(), "", "must not be empty"));
        }
        if (gv[0].isEmpty() && gv[1].equals("v1") && kind(r).equals("Event")) {
            errs.add(FieldError.invalid(path.toString(), ownerRefValue(r),
                    "/v1, Kind=Event is disallowed from being an owner"));
        }
        return errs;
    }

    /** Go's {@code schema.ParseGroupVersion}; unparsable strings give an empty group and version. */
    private static String[] parseGroupVersion(String gv) {
        if (gv.isEmpty() || gv.equals("/")) {
            return new String[] {"", ""};
        }
        int slashes = gv.length() - gv.replace("/", "").length();
        if (slashes == 0) {
            return new String[] {"", gv};
        }
        if (slashes == 1) {
            int i = gv.indexOf('/');
            return new String[] {gv.substring(0, i), gv.substring(i + 1)};
        }
        return new String[] {"", ""};
    }

    private static Object ownerRefsValue(List<OwnerReference> refs) {
        List<Object> out = new ArrayList<>();
        for (OwnerReference r : refs) {
            out.add(ownerRefValue(r == null ? new OwnerReference() : r));
        }
        return out;
    }

    private static Object ownerRefValue(OwnerReference r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("apiVersion", apiVersion(r));
        f.put("kind", kind(r));
        f.put("name", str(r.getName()));
        f.put("uid", str(r.getUid()));
        if (r.getController() != null) {
            f.put("controller", r.getController());
        }
        if (r.getBlockOwnerDeletion() != null) {
            f.put("blockOwnerDeletion", r.getBlockOwnerDeletion());
        }
        return new GoFormat.Struct(f);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
