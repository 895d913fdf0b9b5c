"""The REST API under /api/v1/: serializers, views, filters and urls over selectors/services."""
