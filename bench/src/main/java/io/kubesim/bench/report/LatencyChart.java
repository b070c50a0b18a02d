package io.kubesim.bench.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart drawn with Java2D: per phase, the median p50 and p99 latency of each
 * server on a logarithmic axis, with a whisker for the p99's spread over the runs.
 */
final class LatencyChart {

    /** One phase's numbers: p50 and p99 medians per server, and the p99 range over runs. */
    record Group(String phase, Stats[] p50, Stats[] p99) {
    }

    private static final Color[] P50 = {new Color(0x9ecae1), new Color(0xfdae6b)};
    private static final Color[] P99 = {new Color(0x2171b5), new Color(0xd94801)};
    private static final int W = 1400;
    private static final int H = 720;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 150;

    private LatencyChart() {
    }

    static void draw(Path file, String title, String subtitle, List<String> servers, List<Group> groups) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double lo = 0.1;
        double hi = 10;
        for (Group gr : groups) {
            for (int s = 0; s < servers.size(); s++) {
                hi = Math.max(hi, gr.p99()[s].n() == 0 ? 0 : gr.p99()[s].max());
            }
        }
        double logLo = Math.floor(Math.log10(lo));
        double logHi = Math.ceil(Math.log10(hi));
        int plotH = H - TOP - BOTTOM;
        int plotW = W - LEFT - RIGHT;
        axes(g, logLo, logHi, plotW, plotH);
        int groupW = plotW / Math.max(1, groups.size());
        int barW = Math.max(4, (groupW - 16) / (2 * servers.size()));
        for (int i = 0; i < groups.size(); i++) {
            Group gr = groups.get(i);
            int x = LEFT + i * groupW + 8;
            for (int s = 0; s < servers.size(); s++) {
                bar(g, x, barW, gr.p50()[s], P50[s % 2], logLo, logHi, plotH, false);
                x += barW;
                bar(g, x, barW, gr.p99()[s], P99[s % 2], logLo, logHi, plotH, true);
                x += barW;
            }
            label(g, gr.phase(), LEFT + i * groupW + groupW / 2, H - BOTTOM + 12);
        }
        legend(g, servers);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(subtitle, LEFT, 52);
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int y(double v, double logLo, double logHi, int plotH) {
        double l = Math.log10(Math.max(v, Math.pow(10, logLo)));
        return TOP + plotH - (int) Math.round((l - logLo) / (logHi - logLo) * plotH);
    }

    private static void axes(Graphics2D g, double logLo, double logHi, int plotW, int plotH) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double e = logLo; e <= logHi; e++) {
            int yy = y(Math.pow(10, e), logLo, logHi, plotH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, yy, LEFT + plotW, yy);
            g.setColor(Color.DARK_GRAY);
            String text = e < 0 ? String.format(Locale.ROOT, "%." + (int) -e + "f ms", Math.pow(10, e))
                    : String.format(Locale.ROOT, "%.0f ms", Math.pow(10, e));
            g.drawString(text, LEFT - 8 - g.getFontMetrics().stringWidth(text), yy + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString("latency (log scale)", -(TOP + plotH / 2 + 50), 20);
        g.setTransform(saved);
    }

    private static void bar(Graphics2D g, int x, int w, Stats s, Color c, double logLo, double logHi, int plotH,
                            boolean whisker) {
        if (s.n() == 0 || Double.isNaN(s.median())) {
            return;
        }
        int base = TOP + plotH;
        int top = y(s.median(), logLo, logHi, plotH);
        g.setColor(c);
        g.fillRect(x, top, w - 1, base - top);
        if (whisker && s.n() > 1) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            int mid = x + w / 2;
            g.drawLine(mid, y(s.min(), logLo, logHi, plotH), mid, y(s.max(), logLo, logHi, plotH));
            g.drawLine(mid - 3, y(s.min(), logLo, logHi, plotH), mid + 3, y(s.min(), logLo, logHi, plotH));
            g.drawLine(mid - 3, y(s.max(), logLo, logHi, plotH), mid + 3, y(s.max(), logLo, logHi, plotH));
        }
    }

    private static void label(Graphics2D g, String text, int cx, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        AffineTransform saved = g.getTransform();
        g.translate(cx, y);
        g.rotate(Math.PI / 6);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    private static void legend(Graphics2D g, List<String> servers) {
        int x = LEFT;
        int y = H - 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int s = 0; s < servers.size(); s++) {
            g.setColor(P50[s % 2]);
            g.fillRect(x, y - 12, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(servers.get(s) + " p50", x + 18, y);
            g.setColor(P99[s % 2]);
            g.fillRect(x + 115, y - 12, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(servers.get(s) + " p99 (whisker: p99 range over runs)", x + 133, y);
            x += 420;
        }
    }
}
