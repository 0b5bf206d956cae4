# netzwerk for production: gunicorn in front of the app, Neo4j as the database (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 NETZWERK_ENV=production
RUN useradd --create-home --uid 10001 netzwerk
WORKDIR /app

# queries/, templates/ and seed/ are read from the source tree, hence the editable install
COPY pyproject.toml README.md LICENSE ./
COPY netzwerk ./netzwerk
COPY queries ./queries
COPY templates ./templates
COPY seed ./seed
RUN pip install --no-cache-dir -e '.[production]' && pybabel -q compile -d netzwerk/translations

USER netzwerk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
# one process per worker, each with its own Neo4j driver (never shared across a fork); 16 threads:
# registrations waiting in one process are written by one statement (group commit), so more
# waiting threads make bigger batches (docs/registrations.md)
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "16", "--timeout", "30", \
     "--access-logfile", "-", "netzwerk:create_app()"]
