# syntax=docker/dockerfile:1
# Build stage: the same jar as the README's ./mvnw package.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
RUN mvn -B -ntp -q dependency:go-offline -DexcludeArtifactIds=kubesim || true
COPY src src
COPY openapi.yaml openapi.yaml
RUN mvn -B -ntp -q package -DskipTests && cp target/kubesim-*.jar /kubesim.jar

# Run stage: a slim JRE, a non-root user, state in the /data volume.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system kubesim && useradd --system --gid kubesim --home-dir /data kubesim \
    && mkdir -p /data && chown kubesim:kubesim /data
# The jar extracted (classes load from plain jars, not nested ones) and a CDS archive of the classes one start loads,
# recorded by a start that stops once the context is refreshed: kubesim is ready in about half the time (bench/run
# startup measures both). A JVM that cannot use the archive says so and starts without it.
COPY --from=build /kubesim.jar /tmp/kubesim.jar
RUN java -Djarmode=tools -jar /tmp/kubesim.jar extract --destination /opt/kubesim && rm /tmp/kubesim.jar \
    && cd /tmp && java -XX:ArchiveClassesAtExit=/opt/kubesim/kubesim.jsa -Dspring.context.exit=onRefresh \
        -jar /opt/kubesim/kubesim.jar --spring.datasource.url=jdbc:h2:mem:train --server.port=0
USER kubesim
WORKDIR /data
VOLUME ["/data"]
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080 \
    SPRING_DATASOURCE_URL="jdbc:h2:file:/data/kubesim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseStringDeduplication"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/kubesim/kubesim.jsa", "-jar", "/opt/kubesim/kubesim.jar"]
