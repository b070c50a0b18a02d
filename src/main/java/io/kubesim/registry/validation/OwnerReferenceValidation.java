package io.kubesim.registry.validation;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metadata.ownerReferences} rules of apimachinery's {@code objectmeta.go}. */
public final class OwnerReferenceValidation {

    private OwnerReferenceValidation() {
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
                String current = str(r.getKind()) + "/" + str(r.getName());
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
        String apiVersion = str(r.getApiVersion());
        String[] gv = parseGroupVersion(apiVersion);
        if (gv[1].isEmpty()) {
            errs.add(FieldError.invalid(path.child("apiVersion").toString(), apiVersion, "version must not be empty"));
        }
        if (str(r.getKind()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("kind").toString(), "", "must not be empty"));
        }
        if (str(r.getName()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("name").toString(), "", "must not be empty"));
        }
        if (str(r.getUid()).isEmpty()) {
            errs.add(FieldError.invalid(path.child("uid").toString(), "", "must not be empty"));
        }
        if (gv[0].isEmpty() && gv[1].equals("v1") && str(r.getKind()).equals("Event")) {
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
        f.put("apiVersion", str(r.getApiVersion()));
        f.put("kind", str(r.getKind()));
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
