package io.kubesim.api;

import io.kubesim.api.TablePrinter.Column;

/** Column definitions shared by the printers ({@code metav1.TableColumnDefinition}s of {@code AddHandlers}). */
final class Columns {

    /** {@code metav1.ObjectMeta{}.SwaggerDoc()["name"]}. */
    static final String NAME_DOC = "Name must be unique within a namespace. Is required when creating resources, "
            + "although some resources may allow a client to request the generation of an appropriate name "
            + "automatically. Name is primarily intended for creation idempotence and configuration definition. "
            + "Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    /** {@code metav1.ObjectMeta{}.SwaggerDoc()["creationTimestamp"]}. */
    static final String CREATION_DOC = "CreationTimestamp is a timestamp representing the server time when this "
            + "object was created. It is not guaranteed to be set in happens-before order across separate operations. "
            + "Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the "
            + "system. Read-only. Null for lists. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    static final String CONTAINERS_DOC = "Names of each container in the template.";
    static final String IMAGES_DOC = "Images referenced by each container in the template.";

    /** The {@code Name} column ({@code format: name}, so kubectl prefixes {@code kind/} in multi-kind output). */
    static final Column NAME = new Column("Name", "string", "name", NAME_DOC, 0);
    static final Column AGE = string("Age", CREATION_DOC);
    static final Column CONTAINERS = wide("Containers", CONTAINERS_DOC);
    static final Column IMAGES = wide("Images", IMAGES_DOC);

    private Columns() {
    }

    /** A priority 0 string column. */
    static Column string(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    /** A priority 0 integer column. */
    static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    /** A priority 1 ({@code -o wide}) string column. */
    static Column wide(String name, String description) {
        return new Column(name, "string", "", description, 1);
    }
}
