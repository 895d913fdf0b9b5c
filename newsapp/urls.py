from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/v1/", include("entities.api.urls")),
    path("", include("entities.urls")),
]

# Under /api/ every error answers JSON in the API's shape; elsewhere the templates' pages.
handler400 = "entities.views.errors.bad_request"
handler403 = "entities.views.errors.permission_denied"
handler404 = "entities.views.errors.page_not_found"
handler500 = "entities.views.errors.server_error"
