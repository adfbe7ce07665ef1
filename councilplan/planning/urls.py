from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("", views.index, name="index"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/", views.cycle, name="cycle"),
    path("cycles/<int:pk>/edit/", views.cycle_edit, name="cycle_edit"),
    path("cycles/<int:pk>/criteria/", views.criteria, name="criteria"),
    path("cycles/<int:pk>/themes/", views.themes, name="themes"),
    path("cycles/<int:pk>/submit/", views.submission_create, name="submit"),
    path("cycles/<int:pk>/long-list/", views.long_list, name="long_list"),
    path("cycles/<int:pk>/ranking/", views.ranking, name="ranking"),
    path("cycles/<int:pk>/analysis/", views.long_list_analysis, name="analysis"),
    path("cycles/<int:pk>/analysis.<slug:fmt>", views.analysis_download, name="analysis_download"),
    path("cycles/<int:pk>/scorecards.<slug:fmt>", views.scorecards_download, name="scorecards_download"),
    path("cycles/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("submissions/<int:pk>/", views.submission, name="submission"),
    path("submissions/<int:pk>/edit/", views.submission_edit, name="submission_edit"),
    path("submissions/<int:pk>/review/", views.submission_review, name="review"),
    path("submissions/<int:pk>/score/", views.submission_score, name="score"),
    path("submissions/<int:pk>/decide/", views.submission_decide, name="decide"),
    path("submissions/<int:pk>/plan-details/", views.submission_plan_details, name="plan_details"),
    path("submissions/<int:pk>/history/", views.submission_history, name="history"),
    path("submissions/<int:pk>/scorecard/", views.scorecard, name="scorecard"),
    path("submissions/<int:pk>/scorecard.<slug:fmt>", views.scorecard_download, name="scorecard_download"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/<slug:version>/", views.plan_document, name="plan_document"),
    path("plans/<int:pk>/<slug:version>.<slug:fmt>", views.plan_download, name="plan_download"),
]
