package io.kubesim.api;

import java.util.List;

import static io.kubesim.api.Cells.age;
import static io.kubesim.api.Cells.name;
import static io.kubesim.api.Cells.size;
import static io.kubesim.api.Cells.text;

/** Printers of the small kinds: Namespace, ConfigMap, Secret and Lease ({@code printNamespace} and friends). */
final class ConfigPrinters {

    static final String SECRET_TYPE_DOC = "Used to facilitate programmatic handling of secret data. More info: "
            + "https://kubernetes.io/docs/concepts/configuration/secret/#secret-types";
    static final String SECRET_DATA_DOC = "Data contains the secret data. Each key must consist of alphanumeric "
            + "characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, "
            + "representing the arbitrary (possibly non-string) data value here. Described in "
            + "https://tools.ietf.org/html/rfc4648#section-4";
    static final String CONFIGMAP_DATA_DOC = "Data contains the configuration data. Each key must consist of "
            + "alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData "
            + "field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is "
            + "enforced during validation process.";
    static final String HOLDER_DOC = "holderIdentity contains the identity of the holder of a current lease. If "
            + "Coordinated Leader Election is used, the holder identity must be equal to the elected "
            + "LeaseCandidate.metadata.name field.";

    private ConfigPrinters() {
    }

    /** NAME STATUS AGE; STATUS is {@code status.phase}. */
    static TablePrinter namespace() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("Status", "The status of the namespace"),
                Columns.AGE),
                (o, now) -> List.of(name(o), text(o.path("status").path("phase")), age(o, now)));
    }

    /** NAME DATA AGE; DATA is the integer count of {@code data} plus {@code binaryData} keys. */
    static TablePrinter configMap() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("Data", CONFIGMAP_DATA_DOC), Columns.AGE),
                (o, now) -> List.of(name(o), size(o.path("data")) + size(o.path("binaryData")), age(o, now)));
    }

    /** NAME TYPE DATA AGE; DATA is the integer count of {@code data} keys. */
    static TablePrinter secret() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("Type", SECRET_TYPE_DOC),
                Columns.string("Data", SECRET_DATA_DOC), Columns.AGE),
                (o, now) -> List.of(name(o), text(o.path("type")), size(o.path("data")), age(o, now)));
    }

    /** NAME HOLDER AGE; HOLDER is {@code spec.holderIdentity} or empty. */
    static TablePrinter lease() {
        return new SimplePrinter(List.of(Columns.NAME, Columns.string("Holder", HOLDER_DOC), Columns.AGE),
                (o, now) -> List.of(name(o), text(o.path("spec").path("holderIdentity")), age(o, now)));
    }
}
