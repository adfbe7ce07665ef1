from django.urls import path, re_path

from . import views

app_name = "governance"

# A decision's number (19/00077) is its address: two digits, a slash, five digits.
DECISION = r"(?P<reference>\d{2}/\d{5})"

urlpatterns = [
    path("", views.index, name="index"),
    path("bodies/", views.bodies, name="bodies"),
    path("bodies/<slug:code>/", views.body, name="body"),
    path("bodies/<slug:code>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<slug:code>/rename/", views.body_rename, name="body_rename"),
    path("bodies/<slug:code>/members/new/", views.membership_add, name="membership_add"),
    path("bodies/<slug:code>/history/", views.body_history, name="body_history"),
    path("bodies/<slug:code>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("bodies/<slug:code>/report/", views.report, name="report"),
    path("bodies/<slug:code>/report/<slug:fmt>/", views.body_report_file, name="report_file"),
    path("bodies/<slug:code>/work-programme/<int:year>/", views.work_programme, name="work_programme"),
    path("bodies/<slug:code>/work-programme/<int:year>/new/", views.entry_create, name="entry_create"),
    path("bodies/<slug:code>/work-programme/<int:year>/generate/", views.generate, name="generate"),
    path(
        "bodies/<slug:code>/work-programme/<int:year>/download/<slug:fmt>/",
        views.work_programme_export,
        name="work_programme_export",
    ),
    path("work-programme/import/", views.work_programme_import, name="work_programme_import"),
    path("entries/<int:pk>/defer/", views.entry_defer, name="entry_defer"),
    path("entries/<int:pk>/drop/", views.entry_drop, name="entry_drop"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/import/", views.moderngov_import, name="moderngov_import"),
    path("meetings/reminders/", views.send_reminders, name="reminders"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/publish/", views.meeting_publish, name="meeting_publish"),
    path("meetings/<int:pk>/held/", views.meeting_held, name="meeting_held"),
    path("meetings/<int:pk>/approve/", views.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/history/", views.meeting_history, name="meeting_history"),
    path("meetings/<int:pk>/items/new/", views.item_create, name="item_create"),
    path("meetings/<int:pk>/minutes/new/", views.minute_create, name="minute_create"),
    path("meetings/<int:pk>/pack/<slug:fmt>/", views.meeting_pack, name="meeting_pack"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/documents/new/", views.document_create, name="document_create"),
    path("items/<int:pk>/history/", views.item_history, name="item_history"),
    path("decisions/", views.decisions, name="decisions"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    re_path(rf"^decisions/{DECISION}/$", views.decision, name="decision"),
    re_path(rf"^decisions/{DECISION}/edit/$", views.decision_edit, name="decision_edit"),
    re_path(rf"^decisions/{DECISION}/outcome/$", views.decision_outcome, name="decision_outcome"),
    re_path(rf"^decisions/{DECISION}/take/$", views.decision_take, name="decision_take"),
    re_path(rf"^decisions/{DECISION}/publish/$", views.decision_publish, name="decision_publish"),
    re_path(rf"^decisions/{DECISION}/withdraw/$", views.decision_withdraw, name="decision_withdraw"),
    re_path(rf"^decisions/{DECISION}/history/$", views.decision_history, name="decision_history"),
    path("undertakings/<int:pk>/met/", views.undertaking_met, name="undertaking_met"),
    path("cross-check/", views.cross_check, name="cross_check"),
]
