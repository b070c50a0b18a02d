package io.kubesim.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the class only where {@link TestPostgres} found a server; otherwise skips it, saying why. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    /** The JUnit condition behind the annotation. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = TestPostgres.unavailableReason();
            if (reason == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL: " + TestPostgres.server().description());
            }
            System.out.println("[RequiresPostgres] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
