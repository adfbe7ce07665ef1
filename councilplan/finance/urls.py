from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("", views.index, name="index"),
    path("lines/", views.lines, name="lines"),
    path("lines/<slug:code>/", views.line, name="line"),
    path("capital/<slug:code>/", views.capital_line, name="capital_line"),
    path("positions/<int:pk>/", views.position, name="position"),
    path("positions/<int:pk>/report/", views.report, name="report"),
    path("positions/<int:pk>/download/<slug:fmt>/", views.download, name="download"),
    path("positions/<int:pk>/forecasts/<int:line_id>/", views.forecast, name="forecast"),
    path("positions/<int:pk>/forecasts/import/", views.forecast_import, name="forecast_import"),
    path("positions/<int:pk>/adjustments/new/", views.adjustment_add, name="adjustment_add"),
    path(
        "positions/<int:pk>/adjustments/<int:adjustment_id>/remove/", views.adjustment_remove, name="adjustment_remove"
    ),
    path("positions/<int:pk>/narrative/<int:unit_id>/", views.narrative, name="narrative"),
    path("positions/<int:pk>/state/<slug:action>/", views.state, name="state"),
    path("positions/<int:pk>/reported/", views.report_to_cabinet, name="report_to_cabinet"),
    path("positions/<int:pk>/new-version/", views.restate, name="restate"),
    path("positions/<int:pk>/remind/", views.remind, name="remind"),
    path("positions/<int:pk>/capital/", views.capital, name="capital"),
    path("positions/<int:pk>/capital/adjustments/new/", views.capital_adjustment_add, name="capital_adjustment_add"),
    path(
        "positions/<int:pk>/capital/adjustments/<int:adjustment_id>/remove/",
        views.capital_adjustment_remove,
        name="capital_adjustment_remove",
    ),
    path("positions/<int:pk>/capital/<slug:code>/", views.capital_forecast, name="capital_forecast"),
    path("positions/<int:pk>/reserves/", views.reserves, name="reserves"),
    path("positions/<int:pk>/reserves/new/", views.reserve_add, name="reserve_add"),
    path("positions/<int:pk>/reserves/<int:reserve_id>/", views.reserve_edit, name="reserve_edit"),
    path("positions/<int:pk>/reserves/<int:reserve_id>/items/new/", views.reserve_item_add, name="reserve_item_add"),
    path(
        "positions/<int:pk>/reserves/<int:reserve_id>/items/<int:item_id>/remove/",
        views.reserve_item_remove,
        name="reserve_item_remove",
    ),
    path("positions/<int:pk>/activity/", views.activity, name="activity"),
    path("positions/<int:pk>/activity/<int:table_id>/", views.activity_edit, name="activity_edit"),
]
