/** The namespace controller: empties a Terminating namespace, reports progress, then finalizes it. */
package io.kubesim.controllers.namespace;
