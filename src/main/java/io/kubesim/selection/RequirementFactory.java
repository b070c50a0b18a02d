package io.kubesim.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code labels.NewRequirement}: validates key, operator arity and values, collecting every problem as a
 * field error ({@code key}, {@code values}, {@code values[i]}, {@code values[i][key]}) and reporting them as one
 * aggregate message.
 */
final class RequirementFactory {

    private RequirementFactory() {
    }

    static Requirement create(String key, Operator op, List<String> values) throws SelectorParseException {
        List<String> errs = new ArrayList<>();
        List<String> keyErrs = LabelRules.validateLabelKey(key);
        if (!keyErrs.isEmpty()) {
            errs.add(GoText.invalid("key", GoText.quote(key), String.join("; ", keyErrs)));
        }
        checkArity(op, values, errs);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            List<String> valueErrs = LabelRules.validateLabelValue(v);
            if (!valueErrs.isEmpty()) {
                String path = "values[" + i + "][" + key + "]";
                errs.add(GoText.invalid(path, GoText.quote(v), String.join("; ", valueErrs)));
            }
        }
        if (!errs.isEmpty()) {
            throw new SelectorParseException(GoText.aggregate(errs));
        }
        return build(key, op, values);
    }

    private static void checkArity(Operator op, List<String> values, List<String> errs) {
        String rendered = GoText.jsonStrings(values);
        switch (op) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errs.add(GoText.invalid("values", rendered, "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errs.add(GoText.invalid("values", rendered, "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errs.add(GoText.invalid("values", rendered, "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> checkComparison(values, errs, rendered);
        }
    }

    private static void checkComparison(List<String> values, List<String> errs, String rendered) {
        if (values.size() != 1) {
            errs.add(GoText.invalid("values", rendered, "for 'Gt', 'Lt' operators, exactly one value is required"));
        }
        for (int i = 0; i < values.size(); i++) {
            if (GoText.parseInt64(values.get(i)).isEmpty()) {
                errs.add(GoText.invalid("values[" + i + "]", GoText.quote(values.get(i)),
                        "for 'Gt', 'Lt' operators, the value must be an integer"));
            }
        }
    }

    private static Requirement build(String key, Operator op, List<String> values) {
        return switch (op) {
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> new Requirement.Exact(key, op, values.get(0));
            case IN, NOT_IN -> new Requirement.SetMembership(key, op, values);
            case EXISTS, DOES_NOT_EXIST -> new Requirement.Existence(key, op);
            case GREATER_THAN, LESS_THAN -> new Requirement.Comparison(key, op, values.get(0));
        };
    }
}
