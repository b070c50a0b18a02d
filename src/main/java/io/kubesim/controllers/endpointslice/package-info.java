/** The EndpointSlice controller: a Service's backends in slices of at most 100 endpoints, owned by the Service. */
package io.kubesim.controllers.endpointslice;
