from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("returns/", include("councilplan.monitoring.urls")),
    path("rounds/", include("councilplan.monitoring.urls_rounds")),
    path("reports/", include("councilplan.reports.urls")),
    path("risks/", include("councilplan.risks.urls")),
    path("performance/", include("councilplan.performance.urls")),
    path("plan/", include("councilplan.planning.urls")),
    path("", include("councilplan.core.urls")),
]
