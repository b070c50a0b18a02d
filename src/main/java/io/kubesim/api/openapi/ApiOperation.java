package io.kubesim.api.openapi;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One served path and method, as an OpenAPI operation.
 *
 * @param document       the index key of the per-group-version document that holds it ({@code api/v1},
 *                       {@code apis/apps}, {@code version}); null for operations only the whole-API contract lists
 * @param path           the path template, such as {@code /api/v1/namespaces/{namespace}/pods}
 * @param method         lower-case HTTP method
 * @param operationId    the upstream id, such as {@code listCoreV1NamespacedPod}
 * @param shortId        the id without the group-version infix ({@code listNamespacedPod}), which the contract uses
 *                       where it is unique
 * @param operation      the operation object (tags, description, operationId, parameters, body, responses and
 *                       extensions); callers copy before changing it
 * @param pathParameters the parameters every operation on the path shares ({@code name}, {@code namespace},
 *                       {@code pretty})
 */
record ApiOperation(String document, String path, String method, String operationId, String shortId,
                    ObjectNode operation, List<ObjectNode> pathParameters) {

    /** The order kube-openapi writes the methods of a path item in. */
    static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head", "patch");
}
