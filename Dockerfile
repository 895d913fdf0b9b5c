# One image for the web process (gunicorn) and the Celery worker; see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml requirements.lock README.md ./
COPY newsapp ./newsapp
COPY entities ./entities
RUN pip install -c requirements.lock .

COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home newsapp
USER newsapp
EXPOSE 8000
CMD ["gunicorn", "newsapp.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
