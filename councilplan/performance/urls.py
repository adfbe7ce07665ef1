from django.urls import path

from . import dtoc_views, views

app_name = "performance"

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/download/<str:fmt>/", views.dashboard_file, name="dashboard_file"),
    path("quarterly/", views.quarterly, name="report"),
    path("quarterly/download/<str:fmt>/", views.report_file, name="report_file"),
    path("mine/", views.mine, name="mine"),
    path("import/", views.import_page, name="import"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<str:ref>/", views.indicator, name="indicator"),
    path("indicators/<str:ref>/chart.svg", views.chart, name="chart"),
    path("indicators/<str:ref>/results/", views.choose_period, name="choose_period"),
    path("indicators/<str:ref>/results/<str:period>/", views.result, name="result"),
    path("activities/<int:pk>/", views.activity, name="activity"),
    path("dtoc/", dtoc_views.page, name="dtoc"),
    path("dtoc/download/<str:fmt>/", dtoc_views.download, name="dtoc_file"),
    path("dtoc/weeks/", dtoc_views.choose_week, name="dtoc_choose_week"),
    path("dtoc/weeks/import/", dtoc_views.import_weeks, name="dtoc_import"),
    path("dtoc/weeks/<str:week>/", dtoc_views.week_form, name="dtoc_week"),
    path("dtoc/weeks/<str:week>/csv/", dtoc_views.week_csv, name="dtoc_week_csv"),
]
