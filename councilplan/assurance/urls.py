from django.urls import path

from . import views

app_name = "assurance"

urlpatterns = [
    path("", views.index, name="index"),
    path("projects/", views.projects, name="projects"),
    path("projects/import/", views.projects_import, name="projects_import"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/<int:pk>/", views.project, name="project"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/start/", views.project_start, name="project_start"),
    path("projects/<int:pk>/close/", views.project_close, name="project_close"),
    path("projects/<int:pk>/tier/", views.project_tier, name="project_tier"),
    path("projects/<int:pk>/split/", views.project_split, name="project_split"),
    path("projects/<int:pk>/money/", views.project_money, name="project_money"),
    path("projects/<int:pk>/approval/", views.project_approval, name="project_approval"),
    path("projects/<int:pk>/links/", views.project_links, name="project_links"),
    path("projects/<int:pk>/history/", views.project_history, name="project_history"),
    path("projects/<int:pk>/assurance/new/", views.activity_create, name="activity_create"),
    path("reviews/", views.activities, name="activities"),
    path("reviews/<int:pk>/", views.activity, name="activity"),
    path("reviews/<int:pk>/held/", views.activity_hold, name="activity_hold"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("portfolios/", views.portfolios, name="portfolios"),
    path("snapshots/", views.snapshots, name="snapshots"),
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_create, name="report_create"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/narrative/", views.report_narrative, name="report_narrative"),
    path("reports/<int:pk>/issue/", views.report_issue, name="report_issue"),
    path("reports/<int:pk>/download/<slug:fmt>/", views.report_file, name="report_file"),
    path("reminders/", views.send_reminders, name="reminders"),
]
