package io.kubesim.bench.measure;

/**
 * A correctness check made during a run: what a server should have answered and whether it did.
 *
 * @param server the server checked
 * @param phase  the phase it belongs to
 * @param name   a short name of the check, e.g. "set-based selector count"
 * @param ok     whether the server was right
 * @param detail what was expected and what came back
 */
public record Check(String server, String phase, String name, boolean ok, String detail) {

    static final String HEADER = "server\tphase\tcheck\tok\tdetail";

    String toTsv() {
        return server + "\t" + phase + "\t" + name + "\t" + ok + "\t" + detail.replace('\t', ' ').replace('\n', ' ');
    }

    static Check fromTsv(String line) {
        String[] f = line.split("\t", 5);
        return new Check(f[0], f[1], f[2], Boolean.parseBoolean(f[3]), f.length > 4 ? f[4] : "");
    }
}
