package io.kubesim.api;

/** The per-kind Table printers kubesim ships. */
final class Printers {

    private Printers() {
    }

    static TablePrinters all() {
        return new TablePrinters();
    }
}
