package io.kubesim.patch;

import java.util.List;

/**
 * The patch metadata of one kind, as the Go struct tags give it to strategic merge patch. Paths are JSON field names
 * from the object root with list indices left out ({@code ["spec", "containers", "ports"]}); map keys such as label
 * names appear as path elements too. Unknown paths are atomic lists without {@code retainKeys}. Implementations are
 * immutable and thread-safe.
 */
public interface PatchSchema {

    /** The list strategy of the list field at {@code path}; {@link ListStrategy#ATOMIC} when nothing is declared. */
    ListStrategy strategyFor(List<String> path);

    /**
     * True when the field at {@code path} carries the {@code retainKeys} patch strategy (Deployment
     * {@code spec.strategy}, Pod {@code spec.volumes}). Only patch generation consults it: when applying, a
     * {@code $retainKeys} directive is honoured wherever it appears, as apimachinery does.
     */
    boolean retainKeys(List<String> path);
}
