package io.kubesim.api;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * With {@code kubesim.logging.requests-format=json}, the request logger prints each line as it is (one JSON object
 * per line on standard output, no timestamp/level prefix), so that {@code java -jar kubesim.jar | jq} works; every
 * other logger keeps Spring Boot's pattern. Idempotent: a second context in the same JVM reuses the appender.
 */
final class JsonRequestLines {

    static final String APPENDER = "kubesim-requests-json";

    private JsonRequestLines() {
    }

    /** Routes {@link RequestLog#LOGGER} to a bare-message console appender (when Logback is the backend). */
    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger logger = context.getLogger(RequestLog.LOGGER);
        if (logger.getAppender(APPENDER) != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(encoder);
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    /** Undoes {@link #install} (text format): the request logger goes back to the root's appenders. */
    static void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            ch.qos.logback.classic.Logger logger = context.getLogger(RequestLog.LOGGER);
            if (logger.detachAppender(APPENDER)) {
                logger.setAdditive(true);
            }
        }
    }
}
