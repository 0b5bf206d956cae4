# netzwerk for production: gunicorn in front of the app, Neo4j as the database (docker-compose.yml).
# Supply chain: every dependency comes from requirements/*.lock, pinned with its SHA-256 hashes
# (pip refuses anything else: --require-hashes), and netzwerk itself is installed without
# resolving dependencies (--no-deps). Regenerate the lock files with `make lock`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 NETZWERK_ENV=production \
    NETZWERK_DATA_DIR=/data PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# a fixed uid/gid, so volumes can be given to it (chown 10001:10001) before the first start
RUN groupadd --gid 10001 netzwerk \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin netzwerk \
    && mkdir -p /data /backups && chown 10001:10001 /data /backups && chmod 0700 /data /backups
WORKDIR /app

COPY requirements/build.lock requirements/production.lock ./requirements/
RUN pip install --require-hashes --no-deps -r requirements/build.lock -r requirements/production.lock

# queries/, templates/ and seed/ are read from the source tree, hence the editable install
COPY pyproject.toml README.md LICENSE ./
COPY netzwerk ./netzwerk
COPY queries ./queries
COPY templates ./templates
COPY seed ./seed
RUN pip install --no-deps --no-build-isolation -e . && pybabel -q compile -d netzwerk/translations \
    && pip check

# the code belongs to root and is read-only for the app; it writes only to /data and /tmp
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
# one process per worker, each with its own Neo4j driver (never shared across a fork); 16 threads:
# registrations waiting in one process are written by one statement (group commit), so more
# waiting threads make bigger batches (docs/registrations.md). gunicorn's heartbeat files go to
# /dev/shm (a tmpfs in every container): the root filesystem is read-only (docker-compose.yml).
# --reuse-port: a socket per worker, so the kernel spreads kept-alive connections (from a proxy or
# browsers) over all workers instead of the first one awake taking most (docs/registrations.md).
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "16", "--timeout", "30", "--reuse-port", \
     "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "netzwerk:create_app()"]
