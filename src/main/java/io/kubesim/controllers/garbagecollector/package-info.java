/** The garbage collector: cascading deletion by owner references (Background, Foreground, Orphan). */
package io.kubesim.controllers.garbagecollector;
