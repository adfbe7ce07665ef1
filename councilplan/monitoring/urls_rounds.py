"""The corporate team's round pages, under /rounds/."""

from django.urls import path

from . import views_rounds as views

app_name = "rounds"

urlpatterns = [
    path("", views.index, name="index"),
    path("plan/<int:plan_pk>/new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/window/", views.edit_window, name="edit_window"),
    path("<int:pk>/open/", views.change_state, {"change": "open"}, name="open"),
    path("<int:pk>/close/", views.change_state, {"change": "close"}, name="close"),
    path("<int:pk>/publish/", views.change_state, {"change": "publish"}, name="publish"),
    path("<int:pk>/publish-public/", views.change_state, {"change": "publish_public"}, name="publish_public"),
    path("<int:pk>/withdraw/", views.change_state, {"change": "withdraw"}, name="withdraw"),
    path("<int:pk>/withdraw-public/", views.change_state, {"change": "withdraw_public"}, name="withdraw_public"),
    path("<int:pk>/report-version/", views.report_version, name="report_version"),
    path("<int:pk>/tracker/", views.tracker, name="tracker"),
    path("<int:pk>/tracker/remind/", views.remind, name="remind"),
    path("<int:pk>/activities/<int:activity_pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/activities/<int:activity_pk>/send-back/", views.send_back, name="send_back"),
]
