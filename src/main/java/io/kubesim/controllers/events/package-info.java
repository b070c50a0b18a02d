/** Event expiry: the apiserver's {@code --event-ttl}. */
package io.kubesim.controllers.events;
