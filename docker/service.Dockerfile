# One image per service from its packaged fast-jar: build first with `./mvnw package -DskipTests`.
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=catalog-service .
# clip-service's image also carries ffmpeg and the DejaVu fonts, which make clip audio and video (docs/clips.md,
# "Audio and video of a clip").
FROM eclipse-temurin:17-jre-jammy
ARG SERVICE
# curl for the compose health checks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl $([ "$SERVICE" = "clip-service" ] && echo ffmpeg fonts-dejavu-core) \
    && rm -rf /var/lib/apt/lists/* && useradd --uid 185 --create-home podclip
ENV LANGUAGE='en_US:en'
COPY --chown=185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
WORKDIR /deployments
ENTRYPOINT [ "java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar" ]
