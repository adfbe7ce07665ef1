from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:round_id>/", views.round_report, name="round"),
    path("<int:round_id>/download/<str:fmt>/", views.download, name="download"),
    path("<int:round_id>/returns/<str:fmt>/", views.returns, name="returns"),
    path("<int:round_id>/commentary/", views.commentary, name="commentary"),
    path("<int:round_id>/scorecards/", views.scorecards, name="scorecards"),
    path("<int:round_id>/scorecards/<str:ref>/", views.scorecard, name="scorecard"),
]
