/** The Endpoints controller, and the rules it shares with the EndpointSlice controller: which pods back a Service. */
package io.kubesim.controllers.endpoint;
