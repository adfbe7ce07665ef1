from django.urls import path

from . import views

app_name = "assurance_public"

# Pages anyone may read without signing in: only issued reports marked published (assurance holds nothing exempt).
urlpatterns = [
    path("", views.public_reports, name="reports"),
    path("reports/<int:pk>/", views.public_report, name="report"),
    path("reports/<int:pk>/download/<slug:fmt>/", views.public_report, name="report_file"),
]
